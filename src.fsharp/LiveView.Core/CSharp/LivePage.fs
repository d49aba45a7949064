namespace LiveView.CSharp

open System
open System.Runtime.CompilerServices
open System.Threading.Tasks
open Giraffe.ViewEngine
open LiveView

/// Pages for C#: `LivePage.Create("home", init: _ => new HomeState(null), view: View).On("random_number", ...)`.
[<AbstractClass; Sealed>]
type LivePage =

    /// A page whose state is made by `init` on mount and shown by `view`.
    static member Create<'S>(name: string, init: Func<MountContext, 'S>, view: Func<'S, XmlNode>) : Page<'S> =
        Page.create name init.Invoke view.Invoke

    /// A page that starts from `initial` and is shown by `view`.
    static member Create<'S>(name: string, initial: 'S, view: Func<'S, XmlNode>) : Page<'S> =
        Page.create name (fun _ -> initial) view.Invoke

/// Handlers as methods for C#: `.On(Increment)` registers `static Reply<int> Increment(int n, ActionContext ctx)` as
/// the handler `increment`, and a view binds to it with `H.Button("+").On("click", Increment)`.
[<Extension; AbstractClass; Sealed>]
type PageExtensions =

    /// Adds (or replaces) `handler`, named after its method in snake case (`RandomNumber` → `random_number`).
    [<Extension>]
    static member On<'S>(page: Page<'S>, handler: Func<'S, ActionContext, Reply<'S>>) =
        page.On(Handler.nameOf handler.Method.Name, handler)

/// Replies for C#, when a handler needs more than `return (state, patch);`.
[<AbstractClass; Sealed>]
type Reply =

    /// The new state and its patches.
    static member With<'S>(state: 'S, [<ParamArray>] patches: Patch array) : Reply<'S> =
        Reply.ok state (List.ofArray patches)

/// Effects for C#, as methods on a reply: `Reply.With(state, patch).Perform("load", work, (s, result, ctx) => ...)`.
[<Extension; AbstractClass; Sealed>]
type ReplyExtensions =

    /// Runs `work` outside the page function; when it succeeds, `then` folds its result into the state. If the work
    /// throws, the host logs it and sends the client an error frame.
    [<Extension>]
    static member Perform<'S, 'T>
        (
            reply: Reply<'S>,
            name: string,
            work: Func<EffectContext, Task<'T>>,
            ``then``: Func<'S, 'T, ActionContext, Reply<'S>>
        ) =
        reply.WithEffect(Effect.perform name work.Invoke (fun result s ctx -> ``then``.Invoke(s, result, ctx)))

    /// Like `Perform`, but a failure of the work is folded in by `onError`.
    [<Extension>]
    static member Attempt<'S, 'T>
        (
            reply: Reply<'S>,
            name: string,
            work: Func<EffectContext, Task<'T>>,
            ``then``: Func<'S, 'T, ActionContext, Reply<'S>>,
            onError: Func<'S, exn, ActionContext, Reply<'S>>
        ) =
        reply.WithEffect(
            Effect.attempt name work.Invoke (fun result s ctx -> ``then``.Invoke(s, result, ctx)) (fun ex s ctx ->
                onError.Invoke(s, ex, ctx))
        )

    /// Work that reports as it goes: every item `work` yields is folded in by `then` as it arrives (a progress bar,
    /// results streaming in); the action that started it shows loading until the last one.
    [<Extension>]
    static member Stream<'S, 'T>
        (
            reply: Reply<'S>,
            name: string,
            work: Func<EffectContext, Collections.Generic.IAsyncEnumerable<'T>>,
            ``then``: Func<'S, 'T, ActionContext, Reply<'S>>
        ) =
        reply.WithEffect(Effect.stream name work.Invoke (fun item s ctx -> ``then``.Invoke(s, item, ctx)))
