namespace LiveView.Testing

open Giraffe.ViewEngine
open LiveView

/// The site a test's pages make: their routes, titles as the pages give them, one culture, the guards the test set.
[<Sealed>]
type internal TestSite(pages: (string * Page<obj>) list, options: LiveTestOptions) =
    /// The culture the pages run in: the test's, until the page switches language.
    member val Culture = options.Culture with get, set

    /// The language the culture names (`html[lang]`, the actions' `lang`), if it is not the invariant one.
    member this.Lang =
        if this.Culture.Name = "" then
            None
        else
            Some this.Culture.TwoLetterISOLanguageName

    member _.RouteOf(name: string) =
        pages |> List.tryFind (fun (_, page) -> page.Name = name) |> Option.map fst

    /// The page at `url` and its route values; a catch-all route (the not-found page's, `/{*path:nonfile}`) only when no
    /// other route matches, as ASP.NET Core's routing tries it last.
    member _.PageAt(url: string) =
        pages
        |> List.sortBy (fun (route, _) -> route.Contains "{*")
        |> List.tryPick (fun (route, page) -> Routes.matchUrl route url |> Option.map (fun values -> page, values))

    /// Whether the test's user may mount the page `name` (allowed unless the test guards it).
    member _.Verdict(name: string) : Verdict =
        match options.Guards |> Seq.tryFind (fun (page, _) -> page = name) with
        | Some(_, allows) -> allows.Invoke options.User
        | None -> Verdict.Allowed

    interface ISite with
        member _.FindPage name : Page<obj> | null =
            match pages |> List.tryFind (fun (_, page) -> page.Name = name) with
            | Some(_, page) -> page
            | None -> null

        member this.Url(page, values) =
            match this.RouteOf page with
            | Some route -> Routes.fill route values
            | None -> Error $"the test has no route for page '{page}' (LiveTestOptions.AddPage)"

        /// The title as the test's layout puts it in `<title>` (the host's: it learns the layout's shape).
        member _.DocumentTitle(page, state, title, lang) =
            match options.Layout with
            | null -> title
            | layout ->
                let render pageTitle =
                    Navigation.titleOf (
                        layout.Invoke
                            {
                                Page = page.Name
                                Title = pageTitle
                                Meta = page.Meta state
                                Lang = defaultArg lang ""
                                Content = Text ""
                                ClientScript = Text ""
                            }
                    )

                match TitleShape.learn render with
                | Some shape -> shape.Around title
                | None -> render title |> Option.defaultValue title

        member this.Culture _ = this.Culture

        member _.IsGuarded name =
            options.Guards |> Seq.exists (fun (page, _) -> page = name)
