namespace LiveView

open System
open System.Net
open System.Text
open Giraffe.ViewEngine

/// Moving between pages without a reload: what a `page->send_page` answers with, and the URLs of routes.
[<RequireQualifiedAccess>]
module Navigation =

    /// The text of a document's `<title>` (the layout's, decorations included), decoded, if it has one.
    let titleOf (document: XmlNode) : string option =
        let rec find node =
            match node with
            | ParentNode(("title", _), children) ->
                children
                |> List.map (function
                    | Text text -> text
                    | _ -> "")
                |> String.concat ""
                |> WebUtility.HtmlDecode
                |> Option.ofObj
            | ParentNode(_, children) -> List.tryPick find children
            | _ -> None

        find document

    /// The patches that show a page's `view` at `url` under the document title `title` (the layout's, see
    /// `titleOf`) with the `<meta>` tags `meta`: the view into `#main`, the URL pushed, the title and the tags set. A
    /// Django LiveView v1 client applies the first three from one frame.
    let patches (view: XmlNode) (meta: (string * string) list) (url: string) (title: string) : Patch list =
        [
            Swap(Protocol.MainSelector, [ view ], false)
            PushUrl url
            SetTitle title
            match meta with
            | [] -> ()
            | meta -> SetMeta meta
        ]

    /// The path of a route template (`/blog/{slug}`, `/docs/{*path}`, `/list/{page:int?}`) with its parameters
    /// taken from `values`, each percent-encoded (a catch-all keeps its slashes). A missing or empty optional
    /// parameter drops its segment; a missing or empty required one is an `Error` naming it. So is a value that makes
    /// a segment `.` or `..` (a catch-all's too): a browser resolves those (percent-encoded or not), so the URL it
    /// would show is not the page's.
    let url (template: string) (values: Map<string, string>) : Result<string, string> =
        let escapePath (value: string) =
            value.Split('/') |> Array.map Uri.EscapeDataString |> String.concat "/"

        let isDotSegment (part: string) = part = "." || part = ".."

        let segment (text: string) : Result<string option, string> =
            let built = StringBuilder()
            let mutable i = 0
            let mutable missingOptional = false
            let mutable parameters = []
            let mutable error = None

            while error.IsNone && i < text.Length do
                match text.[i] with
                | '{' ->
                    let close = text.IndexOf('}', i)

                    if close < 0 then
                        error <- Some $"the route '{template}' has an unclosed '{{'"
                    else
                        let parameter = RouteTemplate.parameter (text.Substring(i + 1, close - i - 1))
                        let name = parameter.Name
                        parameters <- parameters @ [ name ]

                        match Map.tryFind name values with
                        | Some value when parameter.CatchAll -> built.Append(escapePath value) |> ignore
                        | Some value when value <> "" -> built.Append(Uri.EscapeDataString value) |> ignore
                        | _ when parameter.Optional -> missingOptional <- true
                        | _ -> error <- Some $"the route '{template}' needs a value for '{name}'"

                        i <- close + 1
                | c ->
                    built.Append(c) |> ignore
                    i <- i + 1

            let dotSegment =
                not parameters.IsEmpty
                && built.ToString().Split('/') |> Array.exists isDotSegment

            match error with
            | Some message -> Error message
            | None when missingOptional && built.Length = 0 -> Ok None
            | None when dotSegment ->
                let names = parameters |> List.map (fun name -> $"'{name}'") |> String.concat ", "

                Error
                    $"the route '{template}' cannot take '.' or '..' as (a segment of) {names}: a browser would resolve the URL elsewhere"
            | None -> Ok(Some(built.ToString()))

        let segments = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)

        let folder (acc: Result<string list, string>) (text: string) =
            match acc, segment text with
            | Error e, _
            | _, Error e -> Error e
            | Ok parts, Ok None -> Ok parts
            | Ok parts, Ok(Some part) -> Ok(parts @ [ part ])

        segments
        |> Array.fold folder (Ok [])
        |> Result.map (fun parts -> "/" + String.concat "/" parts)

    /// The URL of a page mapped to `templates` (in the order they were mapped) with `values`: of the templates whose
    /// required parameters `values` fill, the one that takes the most of them (`/blog/{tag}` rather than `/blog` when
    /// a tag is given), the first mapped on a tie. None filled: the first template's `Error`.
    let urlAmong (templates: string list) (values: Map<string, string>) : Result<string, string> =
        let uses template =
            RouteTemplate.names template
            |> List.filter (fun name -> Map.tryFind name values |> Option.exists ((<>) ""))
            |> List.length

        let pick (best: (int * string) option, firstError: string option) template =
            match url template values, best with
            | Ok _, Some(count, _) when uses template <= count -> best, firstError
            | Ok path, _ -> Some(uses template, path), firstError
            | Error e, _ -> best, Option.orElse (Some e) firstError

        match List.fold pick (None, None) templates with
        | Some(_, path), _ -> Ok path
        | None, Some e -> Error e
        | None, None -> Error "it is not mapped to a URL with 'app.MapLivePage(...)'"
