namespace LiveView.Testing

open System
open System.Text.RegularExpressions
open AngleSharp.Dom
open AngleSharp.Html.Dom
open LiveView

/// A DOM event as the test causes it: its type, the element it starts at, and the key pressed (keydown, keyup).
type internal DomEvent =
    {
        Type: string
        Target: IElement
        Key: string option
    }

/// What the browser client sends for a DOM event (`liveview.js`'s `onEvent`, read from the same attributes by the
/// same rules): the `data-action` descriptors of the element and its ancestors that name the event, each turned into
/// a client action with the element's `data-*` attributes and its form's fields.
[<RequireQualifiedAccess>]
module internal ClientEvents =

    /// What the client does for an element whose `data-action` names the event.
    type Does =
        /// Sends an action to the server: the action, and the element whose `data-action` named the event.
        | Send of ClientAction * IElement
        /// Stores the language in the culture cookie and loads the page again in it (`page#changeLanguage`,
        /// `data-lang`).
        | SwitchLanguage of string

    type Descriptor =
        {
            Event: string
            Key: string option
            Controller: string
            Method: string
            Modifiers: string list
        }

    let private descriptor =
        Regex(@"^(?:([\w-]+)(?:\.([\w]+))?->)?([\w-]+)#(\w+)((?::\w+)*)$", RegexOptions.CultureInvariant)

    let private omitted =
        set
            [
                "action"
                "controller"
                "page"
                "liveviewAction"
                "liveviewFunction"
                "debounce"
                "throttle"
                "loading"
            ]

    let private defaultEvents =
        dict
            [
                "A", "click"
                "BUTTON", "click"
                "FORM", "submit"
                "INPUT", "input"
                "SELECT", "change"
                "TEXTAREA", "input"
                "DETAILS", "toggle"
            ]

    let private keys =
        dict
            [
                "enter", "Enter"
                "esc", "Escape"
                "escape", "Escape"
                "space", " "
                "tab", "Tab"
                "up", "ArrowUp"
                "down", "ArrowDown"
                "left", "ArrowLeft"
                "right", "ArrowRight"
            ]

    /// The `KeyboardEvent.key` a descriptor's key filter names (`keydown.enter` is `Enter`; others as written).
    let keyNamed (key: string) =
        match keys.TryGetValue key with
        | true, named -> named
        | _ -> key

    /// The events `data-debounce` holds back.
    let debounced = set [ "input"; "keyup"; "keydown"; "change" ]

    /// The milliseconds of the element's attribute `name` (`data-debounce`, `data-throttle`); 0 when it has none.
    let private millisecondsOf (name: string) (element: IElement) =
        match element.GetAttribute name with
        | null -> 0.0
        | text ->
            match
                Double.TryParse(
                    text.Trim(),
                    Globalization.NumberStyles.Float,
                    Globalization.CultureInfo.InvariantCulture
                )
            with
            | true, delay when delay > 0.0 -> delay
            | _ -> 0.0

    /// How long (ms) the element's `data-debounce` holds back its events; 0 when it holds none back.
    let debounceOf (element: IElement) = millisecondsOf "data-debounce" element

    /// The interval (ms) of the element's `data-throttle`: at most one event per interval (any event but a submit),
    /// the first at once, the last held for the interval's end; 0 when it has none.
    let throttleOf (element: IElement) = millisecondsOf "data-throttle" element

    /// Events that do not bubble: they belong to their own element only.
    let private notBubbling =
        set [ "focus"; "blur"; "mouseenter"; "mouseleave"; "toggle" ]

    let private typeOf (element: IElement) =
        match element.GetAttribute "type" with
        | null -> ""
        | kind -> kind.ToLowerInvariant()

    let private defaultEvent (element: IElement) =
        if
            element.TagName = "INPUT"
            && List.contains (typeOf element) [ "submit"; "button"; "reset"; "image" ]
        then
            "click"
        else
            match defaultEvents.TryGetValue element.TagName with
            | true, event -> event
            | _ -> "click"

    /// The events the client listens to (`liveview.js`'s `EVENTS`).
    let private events =
        set
            [
                "click"
                "dblclick"
                "submit"
                "input"
                "change"
                "keydown"
                "keyup"
                "focus"
                "blur"
                "toggle"
                "mouseenter"
                "mouseleave"
            ]

    /// Why a read token is malformed (`liveview.js`'s `malformed`), or None: an event or a modifier the client does
    /// not know, or `<event>-` where `<event>->` was meant (`click-home#go`).
    let private malformed (d: Descriptor) (written: bool) =
        let typo = Regex.Match(d.Controller, @"^(\w+)-(.+)$")
        let quoted (text: string) = "\"" + text + "\""

        if written && not (events.Contains d.Event) then
            Some(quoted d.Event + " is not an event LiveView listens to")
        elif not written && typo.Success && events.Contains typo.Groups[1].Value then
            Some("write " + quoted $"{typo.Groups[1].Value}->{typo.Groups[2].Value}#{d.Method}")
        else
            d.Modifiers
            |> List.tryFind (fun m -> m <> "prevent" && m <> "stop")
            |> Option.map (fun m -> quoted (":" + m) + " is not a modifier (:prevent, :stop)")

    /// The sentence for a malformed token, as the client logs it.
    let private malformedToken (token: string) (why: string) =
        "malformed data-action \"" + token + "\": " + why

    /// The descriptors of `element`'s `data-action`, or why a token is malformed (the client's console message).
    let descriptorsOf (element: IElement) : Result<Descriptor, string> list =
        match element.GetAttribute "data-action" with
        | null -> []
        | text ->
            text.Split([| ' '; '\t'; '\n'; '\r' |], StringSplitOptions.RemoveEmptyEntries)
            |> List.ofArray
            |> List.map (fun token ->
                let found = descriptor.Match token

                if not found.Success then
                    Error(malformedToken token "not \"event->page#handler\"")
                else
                    let group (i: int) =
                        if found.Groups[i].Success && found.Groups[i].Value <> "" then
                            Some found.Groups[i].Value
                        else
                            None

                    let d =
                        {
                            Event = group 1 |> Option.defaultWith (fun () -> defaultEvent element)
                            Key = group 2
                            Controller = found.Groups[3].Value
                            Method = found.Groups[4].Value
                            Modifiers =
                                found.Groups[5].Value.Split(':', StringSplitOptions.RemoveEmptyEntries)
                                |> List.ofArray
                        }

                    match malformed d (group 1).IsSome with
                    | Some why -> Error(malformedToken token why)
                    | None -> Ok d)

    let private snakeCase (name: string) =
        Regex.Replace(name, "([a-z0-9])([A-Z])", "$1_$2").ToLowerInvariant()

    /// The `data-*` attributes of `element` by their `dataset` names (`data-row-id` is `rowId`).
    let dataset (element: IElement) : (string * string) list =
        [
            for attribute in element.Attributes do
                if attribute.Name.StartsWith "data-" then
                    let name =
                        Regex.Replace(
                            attribute.Name.Substring 5,
                            "-([a-z])",
                            fun m -> m.Groups[1].Value.ToUpperInvariant()
                        )

                    name, attribute.Value
        ]

    let private datasetValue (element: IElement) (name: string) =
        dataset element |> List.tryFind (fst >> (=) name) |> Option.map snd

    /// The `page->handler` the descriptor names on `element`, or why it names none.
    let actionName (element: IElement) (d: Descriptor) : Result<string, string> =
        match d.Controller, d.Method with
        | "page", "changePage" ->
            match datasetValue element "page" with
            | Some page -> Ok $"{page}->{Protocol.SendPageHandler}"
            | None -> Error "page#changePage needs data-page"
        | "page", "run" ->
            match datasetValue element "liveviewAction", datasetValue element "liveviewFunction" with
            | Some page, Some handler -> Ok $"{page}->{handler}"
            | _ -> Error "page#run needs data-liveview-action and data-liveview-function"
        | controller, method -> Ok $"{controller}->{snakeCase method}"

    /// True when pressing `key` on `element` clicks it, as Chromium does unless the keydown is prevented: Enter or
    /// Space on a button, Space on a box to check (a radio button already checked stays as it is), Enter on a link.
    let activatedBy (element: IElement) (key: string) =
        match element, key with
        | :? IHtmlButtonElement, ("Enter" | " ") -> true
        | :? IHtmlInputElement, ("Enter" | " ") when
            List.contains (typeOf element) [ "submit"; "button"; "reset"; "image" ]
            ->
            true
        | :? IHtmlInputElement, " " when typeOf element = "checkbox" -> true
        | :? IHtmlInputElement as input, " " when typeOf element = "radio" -> not input.IsChecked
        | _, "Enter" when element.TagName = "A" -> element.HasAttribute "href"
        | _ -> false

    /// True for a button that submits its form (a `<button>` of type submit, the default, or an `<input>` of type
    /// submit or image).
    let submits (element: IElement) =
        match element with
        | :? IHtmlButtonElement as button -> button.Type = "submit"
        | :? IHtmlInputElement -> typeOf element = "submit" || typeOf element = "image"
        | _ -> false

    /// True for a field in which Enter submits its form, if it is the form's only such field and the form has no
    /// submit button (Chromium's: a one-line text field or a number field; not a date, a range or a box).
    let submitsImplicitly (element: IElement) =
        match element with
        | :? IHtmlInputElement as input ->
            List.contains
                (input.Type.ToLowerInvariant())
                [ "text"; "search"; "url"; "tel"; "email"; "password"; "number" ]
        | _ -> false

    /// True when `element` cannot be used: disabled, or in a disabled fieldset.
    let disabled (element: IElement) =
        element.HasAttribute "disabled"
        || not (isNull (element.Closest "fieldset[disabled]"))

    /// HTML's interactive content: a click on it inside a label is its own, not the label's control's.
    let private interactive =
        "a[href], button, details, embed, iframe, input:not([type=hidden]), label, select, textarea, audio[controls], video[controls], img[usemap], object[usemap]"

    /// Elements a label can name.
    let private labelable =
        "button, input:not([type=hidden]), meter, output, progress, select, textarea"

    /// The field a click on `element` passes to, as Chromium passes it: the control of the label `element` is in
    /// (the field its `for` names, else the first field in it), unless the click lands on that field or on
    /// something interactive inside the label (a link, a button, another field), or the field is disabled.
    let labelledBy (element: IElement) : IElement | null =
        match element.Closest "label" with
        | :? IHtmlLabelElement as label ->
            let control: IElement | null =
                if label.HasAttribute "for" then
                    label.Control
                else
                    label.QuerySelector labelable

            let rec inInteractive (node: IElement) =
                not (obj.ReferenceEquals(node, label))
                && (node.Matches interactive
                    || (match node.ParentElement with
                        | null -> false
                        | parent -> inInteractive parent))

            match control with
            | null -> null
            | control when control.Contains element || inInteractive element || disabled control -> null
            | control -> control
        | _ -> null

    /// True when a link opens in a new tab: its `target` (or the document's `<base target>`) names another
    /// browsing context than this one (`_blank`, a window's name).
    let opensTab (link: IElement) =
        let target =
            match link.GetAttribute "target" with
            | null ->
                match link.Owner with
                | null -> null
                | document ->
                    match document.QuerySelector "base[target]" with
                    | null -> null
                    | baseTag -> baseTag.GetAttribute "target"
            | target -> target

        match target with
        | null -> false
        | target -> not (List.contains (target.Trim().ToLowerInvariant()) [ ""; "_self"; "_top"; "_parent" ])

    let isField (element: IElement) =
        match element.TagName with
        | "INPUT"
        | "SELECT"
        | "TEXTAREA" -> true
        | _ -> false

    let private nameOf (field: IElement) =
        match field.GetAttribute "name" with
        | null -> ""
        | name -> name

    /// The values a field adds to its form's (none: no name, disabled, a button, an unchecked box).
    let private valuesOf (field: IElement) : string list =
        if nameOf field = "" || field.HasAttribute "disabled" then
            []
        else
            match field with
            | :? IHtmlInputElement as input ->
                match typeOf input with
                | "submit"
                | "button"
                | "reset"
                | "image"
                | "file" -> []
                | "checkbox"
                | "radio" when input.IsChecked ->
                    // A box without a value attribute sends "on", as browsers do (AngleSharp's value is "" then).
                    [ if input.HasAttribute "value" then input.Value else "on" ]
                | "checkbox"
                | "radio" -> []
                | _ -> [ input.Value ]
            | :? IHtmlSelectElement as select when select.IsMultiple ->
                [
                    for option in select.Options do
                        if option.IsSelected then
                            option.Value
                ]
            | :? IHtmlSelectElement as select -> [ nonNull select.Value ]
            | :? IHtmlTextAreaElement as area -> [ area.Value ]
            | _ -> []

    /// The form `element` belongs to (its own, or the one around it).
    let formOf (element: IElement) : IHtmlFormElement | null =
        match element with
        | :? IHtmlFormElement as form -> form
        | _ ->
            match element.Closest "form" with
            | :? IHtmlFormElement as form -> form
            | _ -> null

    /// The element's own value if it is a field, else the fields of its form (`liveview.js`'s `formOf`).
    let formValues (element: IElement) : Map<string, string list> =
        let fields =
            if isField element then
                [ element ]
            else
                match formOf element with
                | null -> []
                | form ->
                    [
                        for field in form.Elements do
                            if isField field then
                                field
                    ]

        (Map.empty, fields)
        ||> List.fold (fun values field ->
            match valuesOf field with
            | [] -> values
            | added ->
                let name = nameOf field

                match field with
                | :? IHtmlSelectElement as select when select.IsMultiple -> Map.add name added values
                | _ -> Map.add name ((Map.tryFind name values |> Option.defaultValue []) @ added) values)

    /// What the test's DOM event sends: for each element from the target up whose `data-action` names the event, the
    /// client action, in the order the client sends them; an element whose `data-action` cannot be read is an error.
    /// Also whether the event's default (following a link, submitting a form) was prevented.
    let actionsFor (event: DomEvent) (lang: string) : Result<Does, string> list * bool =
        let actions = ResizeArray()
        let mutable prevented = false
        let mutable stopped = false
        let mutable element: IElement | null = event.Target

        while not stopped && not (isNull element) do
            let current = nonNull element

            for d in descriptorsOf current do
                match d with
                | Error problem -> actions.Add(Error $"{current.TagName.ToLowerInvariant()}: {problem}")
                | Ok d when
                    d.Event = event.Type
                    && (match d.Key with
                        | None -> true
                        | Some key -> event.Key = Some(keyNamed key))
                    && (not (notBubbling.Contains event.Type)
                        || obj.ReferenceEquals(current, event.Target))
                    ->
                    let follows = current.TagName = "A" && current.HasAttribute "href"

                    if
                        List.contains "prevent" d.Modifiers
                        || event.Type = "submit"
                        || d.Controller = "page"
                        || follows
                    then
                        prevented <- true

                    if List.contains "stop" d.Modifiers then
                        stopped <- true

                    if d.Controller = "page" && d.Method = "changeLanguage" then
                        match current.GetAttribute "data-lang" with
                        | null
                        | "" ->
                            actions.Add(
                                Error
                                    $"page#changeLanguage on {current.TagName.ToLowerInvariant()} has no data-lang to switch to"
                            )
                        | other -> actions.Add(Ok(SwitchLanguage other))
                    else
                        match actionName current d with
                        | Error problem -> actions.Add(Error problem)
                        | Ok name ->
                            let data =
                                dataset current
                                |> List.filter (fun (key, _) -> not (omitted.Contains key))
                                |> Map.ofList

                            let data =
                                if
                                    not (obj.ReferenceEquals(event.Target, current))
                                    && isField event.Target
                                    && nameOf event.Target <> ""
                                then
                                    Map.add "target" (nameOf event.Target) data
                                else
                                    data

                            let action =
                                { ClientAction.named name with
                                    Data = data
                                    Form = formValues current
                                    Lang = if String.IsNullOrEmpty lang then None else Some lang
                                }

                            actions.Add(Ok(Send(action, current)))
                | Ok _ -> ()

            element <- current.ParentElement

        List.ofSeq actions, prevented
