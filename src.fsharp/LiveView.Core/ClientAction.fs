namespace LiveView

open System.Collections.Generic

/// One event from the browser: which handler to run, the element's `data-*` attributes, the values of its form
/// fields and the page's language. Decoded by the host from
/// `{"action":"home->random_number","data":{"lang":"en"},"form":{...}}`.
type ClientAction =
    {
        /// The `page->handler` the event is for.
        Name: ActionName
        /// The element's `data-*` attributes (camelCase keys, as in the browser's `dataset`), without `lang`.
        Data: Map<string, string>
        /// The form fields sent with the event. A field can hold several values (checkboxes, multi-selects).
        Form: Map<string, string list>
        /// The page's language (`html[lang]`), if the client sent one.
        Lang: string option
        /// With `mount`: the fingerprint of the view the client shows (`ViewHtml.fingerprint`), if it sent one. When
        /// it is not the fingerprint of the view the server renders, the view is sent whole.
        View: string option
    }

    /// The `data-*` attribute `key`, or null when the element did not have it.
    member x.DataValue(key: string) : string | null =
        match x.Data.TryGetValue key with
        | true, value -> value
        | _ -> null

    /// The first value of the form field `name`, or null when the field was not sent.
    member x.FormValue(name: string) : string | null =
        match x.Form.TryGetValue name with
        | true, value :: _ -> value
        | _ -> null

    /// Every value of the form field `name` (empty when the field was not sent).
    member x.FormValues(name: string) : IReadOnlyList<string> =
        match x.Form.TryGetValue name with
        | true, values -> List.toArray values
        | _ -> [||]

/// Building and reading client actions.
[<RequireQualifiedAccess>]
module ClientAction =

    /// An action for `name` with no data, no form and no language.
    let create (name: ActionName) =
        {
            Name = name
            Data = Map.empty
            Form = Map.empty
            Lang = None
            View = None
        }

    /// An action for `page->handler`, for tests and server code; throws `ArgumentException` on a malformed name
    /// (client input goes through `ActionName.parse` instead, which never throws).
    let named (name: string) =
        match ActionName.parse name with
        | Ok name -> create name
        | Error problem -> invalidArg (nameof name) $"'{name}': {problem}."

    /// The `data-*` attribute `key`, if the element had it.
    let data (key: string) (action: ClientAction) = Map.tryFind key action.Data

    /// The first value of the form field `name`, if it was sent.
    let field (name: string) (action: ClientAction) =
        Map.tryFind name action.Form |> Option.bind List.tryHead

    /// Every value of the form field `name`.
    let fields (name: string) (action: ClientAction) =
        Map.tryFind name action.Form |> Option.defaultValue []

    /// The same action with the `data-*` attribute `key` set to `value`.
    let withData (key: string) (value: string) (action: ClientAction) =
        { action with
            Data = Map.add key value action.Data
        }

    /// The same action with the form field `name` holding `values`.
    let withField (name: string) (values: string list) (action: ClientAction) =
        { action with
            Form = Map.add name values action.Form
        }

    /// The same action with the page language set.
    let withLang (lang: string) (action: ClientAction) = { action with Lang = Some lang }
