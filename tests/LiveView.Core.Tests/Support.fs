// Small helpers shared by the test files: action builders, an effect context, rendering and generators.
module LiveView.Core.Tests.Support

open System
open System.Threading
open Giraffe.ViewEngine
open FsCheck
open FsCheck.FSharp
open Expecto
open LiveView

/// A client action for `page->handler` with no data, form or language.
let actionFor (page: string) (handler: string) =
    ClientAction.create
        {
            ActionName.Page = page
            Handler = handler
        }

/// `page`, alone on its site, mounted at `/` in a new runtime (connection `c`); with the site and the clock and
/// generator of its steps.
let mountedAlone (page: Page<'S>) : ISite * Env * Runtime =
    let site = Page.alone (Page.erase page)

    let env =
        {
            Now = DateTimeOffset.UnixEpoch
            Random = Random 1
        }

    let request =
        {
            Page = page.Name
            Url = "/"
            Params = Map.empty
            Lang = None
        }

    let mounted, _ =
        Runtime.step site (Input.Mount(request, env)) (Runtime.start "c" (Security.Claims.ClaimsPrincipal()) 16)

    site, env, mounted

/// A service provider that has no services.
let emptyServices =
    { new IServiceProvider with
        member _.GetService _ = null
    }

/// The context an effect's work gets in tests.
let effectContext =
    {
        Services = emptyServices
        Cancellation = CancellationToken.None
        Abandoned = CancellationToken.None
    }

/// The client action a page error is about: the unknown handler, or the handler that failed (an error of another
/// origin has none).
let actionOf (error: PageError) =
    match error with
    | UnknownHandler name
    | HandlerFailed(Origin.Client name, _) -> Some name
    | HandlerFailed _ -> None

/// Starts an effect's work (its partial results, if any, are dropped); the task yields its final fold.
let startWork (effect: Effect<'S>) =
    effect.Run effectContext (fun _ -> System.Threading.Tasks.Task.CompletedTask)

/// Runs an effect's work and waits for the fold it yields.
let runEffect (effect: Effect<'S>) =
    (startWork effect).GetAwaiter().GetResult()

/// Renders one node to HTML.
let render (node: XmlNode) = RenderView.AsString.htmlNode node

/// Characters allowed in a page or handler name.
let nameChars = [ 'a' .. 'z' ] @ [ 'A' .. 'Z' ] @ [ '0' .. '9' ] @ [ '_'; '-'; '.' ]

/// A valid page or handler name: 1 to 64 characters from `nameChars`.
let genNamePart =
    gen {
        let! length = Gen.choose (1, ActionName.MaxPartLength)
        let! chars = Gen.arrayOfLength length (Gen.elements nameChars)
        return String chars
    }

/// Pieces that make strings hard to handle: markup, entities, separators, whitespace, unicode, lone surrogates.
let trickyPieces =
    [
        "<"
        ">"
        "\""
        "'"
        "&"
        "&amp;"
        "&#60;"
        "&lt;"
        "<script>alert(1)</script>"
        "\" onmouseover=\"x"
        "->"
        "-"
        "a"
        "Z"
        "0"
        "_"
        "."
        " "
        "\t"
        "\r\n"
        "\u0000"
        "é"
        "ß"
        "中文"
        "💥"
        "\u00a0"
        "\uD800"
        "\uDC00"
        "home"
        "random_number"
    ]

/// Any non-null string: FsCheck's own strings (nulls turned into "") or a concatenation of tricky pieces.
let genAnyString: Gen<string> =
    let fromFsCheck =
        ArbMap.defaults
        |> ArbMap.generate<string>
        |> Gen.map (fun s -> if obj.ReferenceEquals(s, null) then "" else s)

    let fromPieces =
        Gen.elements trickyPieces |> Gen.listOf |> Gen.map (String.concat "")

    let fromChars =
        Gen.choose (0, 0xFFFF) |> Gen.map char |> Gen.arrayOf |> Gen.map String

    Gen.oneof [ fromFsCheck; fromPieces; fromChars ]

/// True when `s` holds a UTF-16 surrogate that is not part of a valid pair.
let hasLoneSurrogate (s: string) =
    let rec check i =
        if i >= s.Length then
            false
        elif Char.IsHighSurrogate s[i] && i + 1 < s.Length && Char.IsLowSurrogate s[i + 1] then
            check (i + 2)
        elif Char.IsSurrogate s[i] then
            true
        else
            check (i + 1)

    check 0

/// `box`, typed as a non-null `obj` (the state type of an erased page).
let boxed (value: 'T) : obj = nonNull (box value)

/// 10,000 cases: what the view properties run (the issue's floor for diffs of random views).
let manyCases =
    { FsCheckConfig.defaultConfig with
        maxTest = 10_000
    }

/// An item of a list in a view: its key (its element's id) and its text (with markup characters at times).
type ListItem = { Key: int; Text: string }

/// A `ListItem`, its key one of ten.
let genListItem =
    gen {
        let! key = Gen.choose (0, 9)
        let! text = Gen.elements [ "a"; "b"; "<b>"; "x & y"; ""; "\"q\"" ]
        return { Key = key; Text = text }
    }

/// `rename`: renames the row its `row` data names (`renamed {row}`), in a table of names.
let renameRow =
    Handler.named "rename" (fun (names: string list) ctx ->
        let i = int (ctx.Data "row")
        Reply.state (names |> List.updateAt i $"renamed {i}"))

/// `table->{handler}` with the row `row` as its data.
let tableAction (handler: string, row: int) =
    ClientAction.named $"table->{handler}"
    |> ClientAction.withData "row" (string row)

/// The patches of each frame `page` (alone on its site, mounted) sends for `actions`, taken one after the other.
let framesFor (page: Page<'S>) (actions: ClientAction list) : Patch list list =
    let site, env, mounted = mountedAlone page

    ((mounted, []), actions)
    ||> List.fold (fun (runtime, sent) action ->
        let next, outputs = Runtime.step site (Input.Action(action, env)) runtime

        let frames =
            outputs
            |> List.choose (function
                | Output.Frames(_, patches, _) -> Some patches
                | _ -> None)

        next, sent @ frames)
    |> snd

/// The renders of `view` for `states` in turn, with one memo, each tree made from the last one's as the runtime makes
/// them: each render's nodes and tree.
let rendersOf (view: 'S -> XmlNode) (states: 'S list) : (XmlNode * ViewNode list) list =
    let memo = ViewMemo()

    states
    |> List.mapFold
        (fun last state ->
            let struct (node, tree) = ViewTree.renderAfter last memo (fun () -> view state)
            (node, tree), tree)
        []
    |> fst
