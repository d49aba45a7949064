namespace LiveView.Testing

open System
open AngleSharp.Dom
open AngleSharp.Html.Dom
open LiveView

/// What a user can do to one element.
type UserStepKind =
    /// Click it (a button, a link, a box to check, anything with a click action).
    | Click = 0
    /// Type a text into it (a text field).
    | Fill = 1
    /// Pick one of its options (a select).
    | Choose = 2
    /// Submit it (a form).
    | Submit = 3
    /// Press a key in it.
    | Press = 4
    /// Another DOM event its `data-action` names (`dblclick`, `blur`, `mouseenter`...).
    | Trigger = 5

/// One thing a user could do on a page right now: which kind, on which element (a CSS selector that finds it
/// first), and with what (the text typed, the option, the key, the event).
type UserStep =
    {
        Kind: UserStepKind
        Selector: string
        Value: string | null
    }

    /// As a person would say it: `click #save`, `fill #name with "ada"`.
    override x.ToString() =
        match x.Kind, x.Value with
        | UserStepKind.Fill, value -> $"fill {x.Selector} with \"{value}\""
        | UserStepKind.Choose, value -> $"choose \"{value}\" in {x.Selector}"
        | UserStepKind.Press, value -> $"press {value} in {x.Selector}"
        | UserStepKind.Trigger, value -> $"{value} on {x.Selector}"
        | UserStepKind.Submit, _ -> $"submit {x.Selector}"
        | _ -> $"click {x.Selector}"

/// What a user can do on the page a test shows, read from its HTML as the browser client reads it.
[<RequireQualifiedAccess>]
module UserSteps =

    /// Texts a user might type: empty, short, long, with markup characters, spaces and letters beyond ASCII.
    let texts =
        [|
            ""
            "a"
            "milk"
            "Ada Lovelace"
            "eggs & ham"
            "<b>bold</b>"
            "  spaced  "
            "ünïcødé ✓"
            "42"
            "-1"
            "ada@example.com"
            String('x', 120)
        |]

    /// Keys a user might press where no key is named.
    let keys =
        [|
            "Enter"
            "Escape"
            "ArrowUp"
            "ArrowDown"
            "ArrowLeft"
            "ArrowRight"
            " "
            "a"
        |]

    let private plainId (element: IElement) =
        match element.Id with
        | null -> None
        | id when Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z][\w-]*$") -> Some id
        | _ -> None

    /// A CSS selector that finds `element` first: its id, else its path of child positions from the nearest ancestor
    /// with an id (or the document's root).
    let selectorOf (element: IElement) =
        let rec path (element: IElement) (acc: string list) =
            match plainId element, element.ParentElement with
            | Some id, _ -> ("#" + id) :: acc
            | None, null -> element.LocalName :: acc
            | None, parent ->
                let parent = nonNull parent

                let index =
                    (parent.Children
                     |> Seq.findIndex (fun child -> obj.ReferenceEquals(child, element)))
                    + 1

                path parent ($"{element.LocalName}:nth-child({index})" :: acc)

        String.Join(" > ", path element [])

    let private disabled (element: IElement) =
        element.HasAttribute "disabled"
        || not (isNull (element.Closest "fieldset[disabled]"))
        || not (isNull (element.Closest $"[{ViewTree.IgnoreAttribute}]"))

    let private typeOf (element: IElement) =
        match element.GetAttribute "type" with
        | null -> ""
        | kind -> kind.ToLowerInvariant()

    let private textual (element: IElement) =
        match element with
        | :? IHtmlTextAreaElement -> true
        | :? IHtmlInputElement ->
            not (
                List.contains
                    (typeOf element)
                    [ "checkbox"; "radio"; "submit"; "button"; "reset"; "image"; "file"; "hidden" ]
            )
        | _ -> false

    /// The events the element's own `data-action` names (its default event where it names none), readable ones only.
    let private eventsOf (element: IElement) =
        ClientEvents.descriptorsOf element
        |> List.choose (function
            | Ok d -> Some(d.Event, d.Key)
            | Error _ -> None)

    /// Everything a user could do on `test`'s page now, in document order; `texts` and `keys` fill in the values
    /// (the value of a step is picked from them by `pick`).
    let available (test: LiveTest) : UserStep list =
        [
            // The body too: keys bound there are pressed where nothing has the focus.
            for element in test.Document.QuerySelectorAll "body, body *" do
                if not (disabled element) then
                    let selector = selectorOf element
                    let events = eventsOf element

                    let has event =
                        events |> List.exists (fst >> (=) event)

                    let clicks =
                        has "click"
                        || (match element with
                            | :? IHtmlInputElement -> List.contains (typeOf element) [ "checkbox"; "radio" ]
                            | _ -> false)
                        || ((element.TagName = "BUTTON"
                             && typeOf element <> "button"
                             && typeOf element <> "reset"
                             || element.TagName = "INPUT" && typeOf element = "submit")
                            && (match ClientEvents.formOf element with
                                | null -> false
                                | form -> eventsOf form |> List.exists (fst >> (=) "submit")))
                        || (element.TagName = "A"
                            && (match element.GetAttribute "href" with
                                | null -> false
                                | href -> test.Reaches href))

                    if clicks then
                        {
                            Kind = UserStepKind.Click
                            Selector = selector
                            Value = null
                        }

                    if textual element && not (element.HasAttribute "readonly") then
                        {
                            Kind = UserStepKind.Fill
                            Selector = selector
                            Value = null
                        }

                    if element.TagName = "SELECT" then
                        {
                            Kind = UserStepKind.Choose
                            Selector = selector
                            Value = null
                        }

                    if element.TagName = "FORM" && has "submit" then
                        {
                            Kind = UserStepKind.Submit
                            Selector = selector
                            Value = null
                        }

                    for event, key in events do
                        match event with
                        | "keydown"
                        | "keyup" ->
                            let key = key |> Option.map ClientEvents.keyNamed |> Option.toObj

                            {
                                Kind = UserStepKind.Press
                                Selector = selector
                                Value = key
                            }
                        | "click"
                        | "submit"
                        | "input"
                        | "change" -> ()
                        | other ->
                            {
                                Kind = UserStepKind.Trigger
                                Selector = selector
                                Value = other
                            }
        ]
        |> List.distinct

    /// The step with its value picked by `seed` (a text, an option, a key).
    let pick (test: LiveTest) (seed: int) (step: UserStep) : UserStep =
        let index (count: int) = (seed &&& Int32.MaxValue) % count

        match step.Kind with
        | UserStepKind.Fill ->
            { step with
                Value = texts[index texts.Length]
            }
        | UserStepKind.Choose ->
            let options =
                [|
                    for option in test.Document.QuerySelectorAll $"{step.Selector} option" ->
                        option.GetAttribute "value"
                        |> Option.ofObj
                        |> Option.defaultValue option.TextContent
                |]

            if options.Length = 0 then
                step
            else
                { step with
                    Value = options[index options.Length]
                }
        | UserStepKind.Press when isNull step.Value ->
            { step with
                Value = keys[index keys.Length]
            }
        | _ -> step

    /// Takes `step` on `test`'s page.
    let take (test: LiveTest) (step: UserStep) : LiveTest =
        match step.Kind, step.Value with
        | UserStepKind.Click, _ -> test.Click step.Selector
        | UserStepKind.Fill, value -> test.Fill(step.Selector, nonNull value)
        | UserStepKind.Choose, value -> test.Change(step.Selector, nonNull value)
        | UserStepKind.Submit, _ -> test.Submit step.Selector
        | UserStepKind.Press, value -> test.Press(step.Selector, nonNull value)
        | UserStepKind.Trigger, value -> test.Trigger(step.Selector, nonNull value)
        | _ -> test
