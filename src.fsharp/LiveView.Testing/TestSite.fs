namespace LiveView.Testing

open Giraffe.ViewEngine
open LiveView

/// The site a test's pages make: their routes, titles as the pages give them, one culture, the guards the test set.
[<Sealed>]
type internal TestSite(pages: (string * Page<obj>) list, options: LiveTestOptions) =
    member _.RouteOf(name: string) =
        pages |> List.tryFind (fun (_, page) -> page.Name = name) |> Option.map fst

    member _.PageAt(url: string) =
        pages
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

        /// The text of the `<title>` the test's layout gives the page with `title` (the host's frames carry it).
        member _.DocumentTitle(page, state, title, lang) =
            match options.Layout with
            | null -> title
            | layout ->
                layout.Invoke
                    {
                        Page = page.Name
                        Title = title
                        Meta = page.Meta state
                        Lang = defaultArg lang ""
                        Content = Text ""
                        ClientScript = Text ""
                    }
                |> Navigation.titleOf
                |> Option.defaultValue title

        member _.Culture _ = options.Culture

        member _.IsGuarded name =
            options.Guards |> Seq.exists (fun (page, _) -> page = name)
