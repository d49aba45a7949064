namespace LiveView.Testing

open System
open LiveView

/// Checks a page's wiring: every `data-action` in every view a user can reach names a page and a handler that exist.
[<AbstractClass; Sealed>]
type Wiring =

    /// What is wrong with the `data-action`s of the page `test` shows now: tokens that cannot be read, pages that do
    /// not exist, handlers a page lacks.
    static member ProblemsOn(test: LiveTest) : string list =
        [
            for element in test.Document.QuerySelectorAll "[data-action]" do
                let where = UserSteps.selectorOf element

                for descriptor in ClientEvents.descriptorsOf element do
                    match descriptor with
                    | Error problem -> $"{where}: {problem}"
                    | Ok d when d.Controller = "page" && d.Method = "changeLanguage" -> ()
                    | Ok d ->
                        match ClientEvents.actionName element d with
                        | Error problem -> $"{where}: {problem}"
                        | Ok name ->
                            match ActionName.parse name with
                            | Error problem -> $"{where}: \"{name}\" is not an action ({problem})"
                            | Ok action ->
                                match test.Site.FindPage action.Page with
                                | null -> $"{where}: {d.Event} sends {name}, and there is no page '{action.Page}'"
                                | page when
                                    action.Handler <> Protocol.SendPageHandler
                                    && action.Handler <> Protocol.MountHandler
                                    && not (page.Handlers.ContainsKey action.Handler)
                                    ->
                                    $"{where}: {d.Event} sends {name}, and the page '{page.Name}' has no handler '{action.Handler}'"
                                | _ -> ()
        ]
        |> List.distinct

    /// Walks `journeys` random journeys of up to `steps` steps from a fresh page (`open'`), errors allowed, and
    /// returns every wiring problem met on the way, each with the steps that led to it.
    static member Problems(open': Func<LiveTest>, journeys: int, steps: int) : string list =
        let random = Random 1
        let found = Collections.Generic.List<string>()

        let note (test: LiveTest) (taken: UserStep list) =
            for problem in Wiring.ProblemsOn test do
                if not (found |> Seq.exists (fun known -> known.StartsWith(problem + " (after"))) then
                    let path =
                        match taken with
                        | [] -> "on the first paint"
                        | taken -> taken |> List.map string |> String.concat "; "

                    found.Add $"{problem} (after: {path})"

        for _ in 1..journeys do
            let test = open'.Invoke()
            note test []
            let mutable taken = []
            let mutable go = true

            for _ in 1..steps do
                if go then
                    match UserSteps.available test with
                    | [] -> go <- false
                    | available ->
                        let step =
                            UserSteps.pick test (random.Next()) available[random.Next available.Length]

                        taken <- taken @ [ step ]

                        try
                            UserSteps.take test step |> ignore
                        with :? LiveTestException ->
                            go <- false

                        note test taken

        List.ofSeq found

    /// Fails (a `LiveTestException` listing them) when a view reachable in `journeys` random journeys of up to
    /// `steps` steps has a `data-action` naming a page or handler that does not exist.
    static member Check(open': Func<LiveTest>, journeys: int, steps: int) : unit =
        match Wiring.Problems(open', journeys, steps) with
        | [] -> ()
        | problems ->
            let lines =
                problems |> List.map (fun p -> "  " + p) |> String.concat Environment.NewLine

            raise (
                LiveTestException
                    $"The page's views bind events to handlers that do not exist:{Environment.NewLine}{lines}"
            )

    /// `Check` with 100 journeys of up to 20 steps.
    static member Check(open': Func<LiveTest>) : unit = Wiring.Check(open', 100, 20)
