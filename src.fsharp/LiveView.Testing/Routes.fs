namespace LiveView.Testing

open System

/// Route templates as ASP.NET Core writes them (`/rooms/{room}`, `/blog/{slug?}`, `/files/{*path}`,
/// `/items/{id:int}`), for the pages a test mounts: a URL's route values, and a page's URL from its values.
[<RequireQualifiedAccess>]
module internal Routes =

    type private Segment =
        | Literal of string
        | Parameter of Name: string * Optional: bool * CatchAll: bool

    let private segmentsOf (template: string) =
        template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
        |> Array.map (fun segment ->
            if segment.StartsWith "{" && segment.EndsWith "}" then
                let inner = segment.Substring(1, segment.Length - 2)
                let catchAll = inner.StartsWith "*"
                let inner = inner.TrimStart '*'
                let optional = inner.EndsWith "?"
                let inner = inner.TrimEnd '?'
                // A constraint or a default (`{id:int}`, `{page=1}`) does not change the name.
                let name = inner.Split([| ':'; '=' |])[0]
                Parameter(name, optional, catchAll)
            else
                Literal segment)
        |> List.ofArray

    /// The path of `url` (no query, no fragment), without its slashes at either end.
    let pathOf (url: string) =
        let url = url.Split([| '?'; '#' |])[0]
        url.Trim '/'

    /// The route values of `url` when it matches `template`.
    let matchUrl (template: string) (url: string) : Map<string, string> option =
        let parts =
            (pathOf url).Split('/', StringSplitOptions.RemoveEmptyEntries)
            |> Array.map Uri.UnescapeDataString
            |> List.ofArray

        let rec walk segments (parts: string list) (values: Map<string, string>) =
            match segments, parts with
            | [], [] -> Some values
            | Literal text :: segments, part :: parts when String.Equals(text, part, StringComparison.OrdinalIgnoreCase) ->
                walk segments parts values
            | Parameter(name, _, true) :: _, parts -> Some(Map.add name (String.Join("/", parts)) values)
            | Parameter(name, _, _) :: segments, part :: parts -> walk segments parts (Map.add name part values)
            | Parameter(_, true, _) :: segments, [] -> walk segments [] values
            | _ -> None

        walk (segmentsOf template) parts Map.empty

    /// The URL of `template` filled with `values`, or why there is none.
    let fill (template: string) (values: Map<string, string>) : Result<string, string> =
        let rec build segments (parts: string list) =
            match segments with
            | [] -> Ok(List.rev parts)
            | Literal text :: rest -> build rest (text :: parts)
            | Parameter(name, optional, catchAll) :: rest ->
                match Map.tryFind name values with
                | Some value when value <> "" ->
                    let value =
                        if catchAll then
                            String.Join("/", value.Split '/' |> Array.map Uri.EscapeDataString)
                        else
                            Uri.EscapeDataString value

                    build rest (value :: parts)
                | _ when optional -> build rest parts
                | _ -> Error $"the route value '{name}' is missing"

        build (segmentsOf template) []
        |> Result.map (fun parts -> "/" + String.Join("/", parts))
