namespace LiveView.Testing

open System
open AngleSharp.Dom
open AngleSharp.Html.Dom
open AngleSharp.Html.Parser
open Giraffe.ViewEngine
open LiveView

/// A notification the page showed (`Patch.toast`), or an error the client showed for a failed action.
type Toast =
    {
        /// `info`, `success`, `warning`, `error`...
        Kind: string
        /// What it said.
        Text: string
    }

/// Fields the user types into, and their values as the browser keeps them. A value the view sets goes through HTML's
/// value sanitization (line breaks dropped from a one-line field, the spaces around an email address or a URL too, a
/// number field keeps only a number); a value typed goes through Chromium's editing first (line breaks turned to
/// spaces in a one-line field, `maxlength` honoured), then the same sanitization, but for the spaces around a URL,
/// which typing keeps.
[<RequireQualifiedAccess>]
module internal FieldValue =

    let private spaces = [| ' '; '\t'; '\n'; '\f'; '\r' |]

    /// HTML's valid floating-point number.
    let private number =
        Text.RegularExpressions.Regex(
            @"^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$",
            Text.RegularExpressions.RegexOptions.CultureInvariant
        )

    let private noBreaks (value: string) =
        value.Replace("\r", "").Replace("\n", "")

    /// `value` as an input of type `kind` holds it.
    let sanitize (kind: string) (value: string) =
        match kind.ToLowerInvariant() with
        | "text"
        | "search"
        | "tel"
        | "password" -> noBreaks value
        | "url"
        | "email" -> (noBreaks value).Trim spaces
        | "number" when number.IsMatch value -> value
        | "number" -> ""
        | _ -> value

    /// A field the user types into, whose value attribute (a textarea's text) is only its default.
    let typed (element: IElement) =
        match element with
        | :? IHtmlTextAreaElement -> true
        | :? IHtmlInputElement as input ->
            not (
                [ "checkbox"; "radio"; "file"; "hidden"; "submit"; "image"; "reset"; "button" ]
                |> List.contains (input.Type.ToLowerInvariant())
            )
        | _ -> false

    /// What a field the user types into holds, or None for other elements.
    let typedValue (element: IElement) =
        match element with
        | :? IHtmlTextAreaElement as area -> Some area.Value
        | :? IHtmlInputElement as input when typed input -> Some input.Value
        | _ -> None

    /// Sets what `input` holds to `value`, as the browser would keep it.
    let set (input: IHtmlInputElement) (value: string) =
        input.Value <- sanitize input.Type value

    /// The input types `maxlength` applies to.
    let private limited =
        Set.ofList [ "text"; "search"; "url"; "tel"; "email"; "password" ]

    /// `text` cut to `limit` UTF-16 code units (none: a negative limit), as Chromium cuts what is typed: never
    /// between the two halves of a character beyond the BMP.
    let private cut (limit: int) (text: string) =
        if limit < 0 || text.Length <= limit then
            text
        elif limit > 0 && Char.IsHighSurrogate text[limit - 1] then
            text.Substring(0, limit - 1)
        else
            text.Substring(0, limit)

    /// `text` as Chromium's editing inserts it in a one-line field: the line breaks at its end dropped, the others
    /// turned to spaces.
    let private oneLine (text: string) =
        text.TrimEnd([| '\r'; '\n' |]).Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ')

    /// The characters typing puts in a number field (Chromium drops the others as they are typed).
    let private numeric (text: string) =
        String(text.ToCharArray() |> Array.filter (fun c -> "0123456789.Ee-+".Contains c))

    /// Types `text` into `field` in place of what it held, as Chromium keeps it (see the module).
    let type' (field: IElement) (text: string) =
        match field with
        | :? IHtmlTextAreaElement as area ->
            area.Value <- cut area.MaxLength (text.Replace("\r\n", "\n").Replace('\r', '\n'))
        | :? IHtmlInputElement as input ->
            let kind = input.Type.ToLowerInvariant()

            let typed =
                if kind = "number" then
                    numeric text
                elif limited.Contains kind then
                    cut input.MaxLength (oneLine text)
                else
                    text

            input.Value <- if kind = "url" then typed else sanitize kind typed
        | _ -> ()

/// The page as the browser client shows it: a document the test's frames are applied to exactly as `liveview.js`
/// applies them (hand-written patches, the view's changes, streams, title, meta, URL, notifications, pushed events),
/// and the fields as the user left them (a focused field keeps what was typed, as in the browser).
[<Sealed>]
type internal PageDom(html: string, url: string) =
    static let parser = HtmlParser()
    let document = parser.ParseDocument html
    let mutable url = url
    let toasts = ResizeArray<Toast>()
    let events = ResizeArray<string * string>()
    let console = ResizeArray<string>()
    let mutable focused: IElement | null = null

    let edited =
        Collections.Generic.Dictionary<IElement, string>(HashIdentity.Reference)

    let mutable overwriting: IElement | null = null

    let main () =
        match document.QuerySelector Protocol.MainSelector with
        | null -> failwith $"The page has no {Protocol.MainSelector}: its layout must put the view there."
        | main -> main

    let isSvg (context: INode) =
        match context with
        | :? IElement as element ->
            element.NamespaceUri = "http://www.w3.org/2000/svg"
            && element.LocalName <> "foreignObject"
        | _ -> false

    /// The nodes of `html` as they are inside `context` (the client's `parse`: SVG inside an `<svg>`, else a template).
    let parse (html: string) (context: INode) : INode list =
        if isSvg context then
            let holder = (context :?> IElement).Clone(false) :?> IElement
            holder.InnerHtml <- html
            List.ofSeq holder.ChildNodes
        else
            let template = document.CreateElement "template" :?> IHtmlTemplateElement
            template.InnerHtml <- html
            List.ofSeq template.Content.ChildNodes

    let insertAll (parent: INode) (nodes: INode list) (before: INode | null) =
        for node in nodes do
            parent.InsertBefore(node, before) |> ignore

    let formOverwrites (form: IHtmlFormElement | null) =
        match form with
        | null -> false
        | form ->
            form.HasAttribute "data-liveview-overwrite"
            || obj.ReferenceEquals(form, overwriting)

    let overwritable (field: IElement) =
        not (isNull (field.Closest "[data-liveview-overwrite]"))
        || (match field with
            | :? IHtmlInputElement as input -> formOverwrites input.Form
            | :? IHtmlTextAreaElement as area -> formOverwrites area.Form
            | _ -> false)

    /// The view changed attribute `name` (or the text: "") of `element`: a field shows it, unless the user is in it.
    let syncField (element: IElement | null) (name: string) =
        let field =
            match element with
            | null -> null
            | :? IHtmlOptionElement as option -> option.Closest "select"
            | element -> element

        match field, element with
        | null, _
        | _, null -> ()
        | field, _ when obj.ReferenceEquals(field, focused) && not (overwritable field) -> ()
        | _, (:? IHtmlInputElement as input) when name = "checked" -> input.IsChecked <- input.HasAttribute "checked"
        | _, (:? IHtmlOptionElement as option) when name = "selected" ->
            option.IsSelected <- option.HasAttribute "selected"
        | _, (:? IHtmlTextAreaElement as area) when name = "" -> area.Value <- area.DefaultValue
        | _, (:? IHtmlInputElement as input) when name = "value" && FieldValue.typed input ->
            FieldValue.set input input.DefaultValue
        | _ -> ()

    let elementOf (node: INode | null) : IElement =
        match node with
        | :? IElement as element -> element
        | _ ->
            failwith
                "A view change names a text where an element should be: the page's DOM and the server's copy of it are out of step."

    let parentOf (node: INode) : INode = nonNull node.Parent

    let childAt (parent: INode) (index: int) : INode | null =
        if index < parent.ChildNodes.Length then
            parent.ChildNodes[index]
        else
            null

    let changeAt (container: INode) (change: ViewChange) =
        let at (path: int list) =
            (container, path)
            ||> List.fold (fun node index ->
                if index < 0 || index >= node.ChildNodes.Length then
                    failwith
                        $"A view change names a node that is not there (child {index} of {node.ChildNodes.Length}, path %A{path}): the page's DOM and the server's copy of it are out of step."

                node.ChildNodes[index])

        let html (node: ViewNode) = ViewHtml.ofNodes [ node ]

        match change with
        | ViewChange.SetText(path, text) ->
            let node = at path
            node.TextContent <- text
            syncField (parentOf node :?> IElement) ""
        | ViewChange.SetAttribute(path, name, value) ->
            let element = elementOf (at path)
            element.SetAttribute(name, value)
            syncField element name
        | ViewChange.RemoveAttribute(path, name) ->
            let element = elementOf (at path)
            element.RemoveAttribute name |> ignore
            syncField element name
        | ViewChange.SetContent(path, content) ->
            let element = elementOf (at path)
            element.InnerHtml <- ViewHtml.ofContent content
            syncField element ""
        | ViewChange.Insert(path, index, node) ->
            let parent = at path
            let before = childAt parent index
            insertAll parent (parse (html node) parent) before
            syncField (elementOf parent) ""
        | ViewChange.Remove path ->
            let node = at path
            let parent = parentOf node
            parent.RemoveChild node |> ignore
            syncField (elementOf parent) ""
        | ViewChange.Move(path, from, into) ->
            let parent = at path
            let moved = parent.ChildNodes[from]
            let target = if into < from then into else into + 1
            let before = childAt parent target
            parent.InsertBefore(moved, before) |> ignore
            syncField (elementOf parent) ""
        | ViewChange.Replace(path, node) ->
            let old = at path
            let parent = parentOf old
            let added = parse (html node) parent
            insertAll parent added old
            parent.RemoveChild old |> ignore
            syncField (elementOf parent) ""

    let itemOf (container: IElement) (key: string) =
        container.Children |> Seq.tryFind (fun child -> child.Id = key)

    let stream (name: string) (op: StreamOp) =
        match document.GetElementById name with
        | null -> console.Add $"no stream {name}"
        | container ->
            match op with
            | StreamOp.Reset -> container.InnerHtml <- ""
            | StreamOp.Delete key -> itemOf container key |> Option.iter _.Remove()
            | StreamOp.Insert(key, item, at, limit) ->
                let added =
                    parse (RenderView.AsString.htmlNode item) container
                    |> List.tryPick (function
                        | :? IElement as element -> Some element
                        | _ -> None)

                match added with
                | None -> ()
                | Some added ->
                    match itemOf container key with
                    | Some old -> old.Replace(added)
                    | None ->
                        let before: INode | null =
                            if at < 0 || at >= container.Children.Length then
                                null
                            else
                                container.Children[at]

                        container.InsertBefore(added, before) |> ignore

                    while limit > 0 && container.Children.Length > limit do
                        container.Children[container.Children.Length - 1].Remove()

                    while limit < 0 && container.Children.Length > -limit do
                        container.Children[0].Remove()

    let setMeta (meta: (string * string) list) =
        for name, content in meta do
            let key = if name.StartsWith "og:" then "property" else "name"

            let head = nonNull document.Head

            match head.QuerySelector $"meta[{key}=\"{name}\"]" with
            | null ->
                let tag = document.CreateElement "meta"
                tag.SetAttribute(key, name)
                tag.SetAttribute("content", content)
                head.AppendChild tag |> ignore
            | tag -> tag.SetAttribute("content", content)

    let apply (patch: Patch) =
        match patch with
        | Swap(selector, nodes, append) ->
            match document.QuerySelector selector with
            | null -> console.Add $"no element matches {selector}"
            | target ->
                let html = nodes |> List.map RenderView.AsString.htmlNode |> String.concat ""

                if append then
                    insertAll target (parse html target) null
                else
                    target.InnerHtml <- html
        | Delete selector ->
            match document.QuerySelector selector with
            | null -> console.Add $"no element matches {selector}"
            | target -> target.Remove()
        | Changes update -> update.Changes |> List.iter (changeAt (main ()))
        | Stream(name, op) -> stream name op
        | SetTitle title -> document.Title <- title
        | SetMeta meta -> setMeta meta
        | PushUrl pushed -> url <- pushed
        | Toast(kind, text, _) -> toasts.Add { Kind = kind; Text = text }
        | PushEvent(name, payload) -> events.Add(name, payload)
        | ScrollInto _
        | ScrollToTop -> ()

    /// The document.
    member _.Document = document

    /// The page's URL (path and query), as the address bar shows it.
    member _.Url
        with get () = url
        and set value = url <- value

    /// The notifications shown, oldest first.
    member _.Toasts = toasts

    /// The events the server pushed (`Patch.Event`), name and JSON payload, oldest first.
    member _.Events = events

    /// What the client logged as errors (a patch for an element that is not there).
    member _.Console = console

    /// The element the user is in: the field typed into or changed, or what the last click focused (null: the body).
    member _.Focused
        with get () = focused
        and set value = focused <- value

    /// The text fields the user typed into since their last `change`, with the value each had before that typing
    /// (the browser sends a field's `change` when the user leaves it, if its value is not that one any more; a field
    /// typed back to that value is forgotten, as Chromium does).
    member _.Edited = edited

    /// Applies one frame's patches, in order; `answering` is the form whose submit it answers (its fields take the
    /// view's values even while focused).
    member _.Apply(patches: Patch list, answering: IElement | null) =
        overwriting <- answering

        try
            patches |> List.iter apply
        finally
            overwriting <- null

    /// What a field holds: its text, whether it is checked, or which of its options are selected (the client's
    /// `fieldValue`).
    static member private FieldValue(field: IElement) : string =
        match FieldValue.typedValue field with
        | Some value -> "text " + value
        | None ->
            match field with
            | :? IHtmlInputElement as input when input.Type = "checkbox" || input.Type = "radio" ->
                string input.IsChecked
            | :? IHtmlSelectElement as select ->
                select.Options
                |> Seq.map (fun option -> string option.IsSelected)
                |> String.concat ","
            | _ -> ""

    /// `form`'s fields with what each holds, when its submit goes (the client's `fieldsOf`).
    member _.FieldsOf(form: IElement) : (IElement * string) list =
        match form with
        | :? IHtmlFormElement as form -> [ for field in form.Elements -> field, PageDom.FieldValue field ]
        | _ -> []

    /// The first answer to a form's submit came: every field of the form (`sent`, from `FieldsOf`) shows the view's
    /// value (its attribute), what was typed in it included; fields whose content the page's scripts own are left, and
    /// so are fields changed since the submit went (the client's `showViewValues`).
    member _.ShowViewValues(sent: (IElement * string) list) =
        for field, value in sent do
            if
                document.DocumentElement.Contains field
                && isNull (field.Closest "[data-liveview-ignore]")
                && PageDom.FieldValue field = value
            then
                match field with
                | :? IHtmlTextAreaElement as area -> area.Value <- area.DefaultValue
                | :? IHtmlInputElement as input when FieldValue.typed input -> FieldValue.set input input.DefaultValue
                | :? IHtmlInputElement as input when input.Type = "checkbox" || input.Type = "radio" ->
                    input.IsChecked <- input.HasAttribute "checked"
                | :? IHtmlSelectElement as select ->
                    for option in List.ofSeq select.Options do
                        option.IsSelected <- option.HasAttribute "selected"
                | _ -> ()

    /// Marks the links to `page` (`data-page`) active and the others not, as the client does after a navigation.
    member _.MarkActive(page: string) =
        for link in document.QuerySelectorAll "[data-page]" do
            // Not ClassList.Toggle(token, force): AngleSharp's adds the token when told to take away one not there.
            if link.GetAttribute "data-page" = page then
                link.ClassList.Add "active"
                link.SetAttribute("aria-current", "page")
            else
                link.ClassList.Remove "active"
                link.RemoveAttribute "aria-current" |> ignore

    /// A navigation has shown a new page, as the client's `arrive`: its main heading (the first `h1` in `#main`, given
    /// `tabindex="-1"`) takes the focus, with no focus or blur action sent, and the document title is announced in the
    /// live region `#liveview-announcer`.
    member _.Arrive() =
        match (main ()).QuerySelector "h1" with
        | null -> ()
        | heading ->
            if not (heading.HasAttribute "tabindex") then
                heading.SetAttribute("tabindex", "-1")

            focused <- heading

        let body = nonNull document.Body

        let announcer =
            match document.GetElementById "liveview-announcer" with
            | null ->
                let region = document.CreateElement "div"
                region.Id <- "liveview-announcer"
                region.SetAttribute("aria-live", "polite")
                region.SetAttribute("aria-atomic", "true")
                body.AppendChild region |> ignore
                region
            | region -> region

        announcer.TextContent <- nonNull document.Title

    /// The view's element (`#main`).
    member _.Main = main ()
