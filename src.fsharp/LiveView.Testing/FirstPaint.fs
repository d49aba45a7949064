namespace LiveView.Testing

open System
open System.Collections.Generic
open System.Threading
open System.Threading.Tasks
open Giraffe.ViewEngine
open LiveView

/// A page painted over HTTP, as the host paints it: its document, and the fingerprint of the view in it.
type internal Painted = { Dom: PageDom; Fingerprint: string }

/// The first paint of a page, as the host's: the runtime mounts it (its mount effects run to their end and fold in),
/// renders its view with the mount's patches applied, and the layout puts it in a document.
[<RequireQualifiedAccess>]
module internal FirstPaint =

    /// Runs a mount effect's work to its end: its inputs for the runtime.
    let private run (options: LiveTestOptions) (env: unit -> Env) (url: string) (id: int64) (effect: Effect<obj>) =
        let items = ResizeArray()

        match EffectRun.run options CancellationToken.None $"Opening {url}" effect items.Add with
        | Ok fold ->
            [ for item in items -> Input.EffectItem(id, item, env ()) ]
            @ [ Input.EffectDone(id, fold, env ()) ]
        | Error ex -> [ Input.EffectFailed(id, ex) ]

    /// Paints `page` at `url` with route values `values` at time `now`.
    let paint
        (options: LiveTestOptions)
        (site: TestSite)
        (page: Page<obj>)
        (url: string)
        (values: Map<string, string>)
        (now: DateTimeOffset)
        : Painted =
        let env () =
            {
                Now = now
                Random = Random options.Seed
            }

        let lang = site.Lang

        let request =
            {
                Page = page.Name
                Url = url
                Params = values
                Lang = lang
            }

        let mutable runtime = Runtime.start "paint" options.User 16
        let inputs = Queue [ Input.Mount(request, env ()) ]

        while inputs.Count > 0 do
            let next, outputs = Runtime.step site (inputs.Dequeue()) runtime
            runtime <- next

            for output in outputs do
                match output with
                | Output.Start(id, work, _) -> run options env url id work |> List.iter inputs.Enqueue
                | Output.Authorize(navigation, name) ->
                    inputs.Enqueue(Input.Authorized(navigation, site.Verdict name, env ()))
                | Output.Fail(fault, _, _) ->
                    // A test's message, not a client's: with the exception's (a handler not registered, say).
                    raise (
                        LiveTestException(
                            $"Opening {url}: the page '{page.Name}' could not be mounted: {fault.Message}{LiveTestException.Cause fault.Exception}",
                            fault.Exception
                        )
                    )
                | _ -> ()

        let mounted =
            match runtime.Instance with
            | null -> raise (LiveTestException $"Opening {url}: the page '{page.Name}' did not finish mounting.")
            | instance -> instance

        let shown =
            if mounted.Shown.IsSome then
                mounted.Shown.Value
            else
                mounted.View

        let context =
            {
                Page = page.Name
                Title = page.Title mounted.State
                Meta = page.Meta mounted.State
                Lang = defaultArg lang ""
                Content = rawText (ViewHtml.ofNodes shown)
                ClientScript = script [ attr "data-page" page.Name ] []
            }

        let document =
            match options.Layout with
            | null -> Layout.standard context
            | layout -> layout.Invoke context

        {
            Dom = PageDom(RenderView.AsString.htmlDocument document, url)
            Fingerprint = ViewHtml.fingerprint shown
        }
