namespace LiveView

/// The mistakes in wiring an app that the host turns into startup errors: each check takes what the app mapped and
/// returns the error's sentence (what is wrong, naming the page and route, and how to fix it), or None.
[<RequireQualifiedAccess>]
module StartupCheck =

    let private quoted (names: string seq) =
        match List.ofSeq names with
        | [] -> "none"
        | names -> names |> List.map (fun name -> $"'{name}'") |> String.concat ", "

    /// Mapping `template` to page `page`, whose declared parameters are `declared` (None: not declared, not checked)
    /// and which is mapped already to `mapped` (in order). An error when the route has a parameter the page does not
    /// declare (the page cannot fill it: its links would never give it, and its mount never reads it), or when the
    /// page is mapped already to a route of the same parameters (navigation could not tell the two apart).
    let route (page: string) (declared: string list option) (mapped: string list) (template: string) : string option =
        let names = RouteTemplate.names template

        let undeclared =
            match declared with
            | Some declared -> names |> List.filter (fun name -> not (List.contains name declared))
            | None -> []

        let sameParameters =
            mapped
            |> List.tryFind (fun earlier -> set (RouteTemplate.names earlier) = set names)

        match undeclared, sameParameters with
        | name :: _, _ ->
            Some(
                $"The route '{template}' of page '{page}' has the parameter '{name}', which the page cannot fill: it "
                + $"declares the parameters {quoted (defaultArg declared [])}. Declare '{name}' with 'Page.withParams' "
                + "(C#: '.WithParams(...)') if the page reads it, or remove it from the route."
            )
        | [], Some earlier ->
            Some(
                $"Page '{page}' is mapped to '{earlier}' and to '{template}', which take the same parameters "
                + $"({quoted names}): navigation could not tell them apart. Map the page to one of them, and redirect "
                + $"the other address to it (app.MapGet(\"{template}\", ...) returning Results.Redirect)."
            )
        | [], None -> None

    /// The app's registered pages (`registered`) and whether it mapped the socket (`app.MapLiveView()`): an error
    /// when pages are registered but the socket is not mapped, since every action of theirs would go nowhere.
    let socket (registered: string list) (socketMapped: bool) : string option =
        if socketMapped || List.isEmpty registered then
            None
        else
            Some(
                $"Pages are registered ({quoted registered}) but the LiveView socket is not mapped, so the browser "
                + "client has nothing to connect to and every click would do nothing. Call 'app.MapLiveView()' "
                + "after 'builder.Build()'."
            )
