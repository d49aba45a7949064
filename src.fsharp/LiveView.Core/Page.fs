namespace LiveView

open System
open System.Collections.Generic
open Giraffe.ViewEngine

/// Why a page could not fold something. A value, not an exception: the host turns it into an error frame.
type PageError =
    /// The page has no handler of that name.
    | UnknownHandler of Name: ActionName
    /// A fold threw (a handler, an effect's result, the page's init or mount handler); the state is unchanged.
    | HandlerFailed of Origin: Origin * Error: exn

    /// A sentence for the client and the log; it names what was asked, never the handlers that exist, never the
    /// exception's text.
    member x.Message =
        match x with
        | UnknownHandler name -> $"Page '{name.Page}' has no handler '{name.Handler}'."
        | HandlerFailed(Origin.Mount page, _) -> $"Page '{page}' failed to mount."
        | HandlerFailed(Origin.Effect(name, startedBy), _) ->
            $"The result of effect '{name}' of {startedBy} could not be applied; the page's state is unchanged."
        | HandlerFailed((Origin.Message _ | Origin.Timer _) as origin, _) ->
            $"The {origin} could not be applied; the page's state is unchanged."
        | HandlerFailed(origin, _) -> $"Handler '{origin}' failed; the page's state is unchanged."

module internal PageNames =
    let check (what: string) (name: string) =
        if not (ActionName.isValidPart name) then
            invalidArg
                what
                $"'{name}' is not a valid {what} name: use 1 to {ActionName.MaxPartLength} ASCII letters, digits, '_', '-' or '.'."

        name

/// A page's fold for messages of one type (Phoenix's `handle_info`): messages broadcast to its topics, sent to its
/// user or connection, presence changes, timer ticks.
type MessageHandler<'S> =
    {
        /// The messages it takes: of this type or derived from it.
        Type: Type
        /// The fold: the message, the state, the context.
        Fold: obj -> 'S -> ActionContext -> Reply<'S>
    }

/// Whether a page's state is kept across reconnects: after a step that changed it, the host sends the client a
/// snapshot of it (serialized, compressed, signed and encrypted), which a reconnecting client sends back with its mount
/// so that the page resumes where it was, on any node (see docs/page-state.md).
[<RequireQualifiedAccess>]
type StateKeeping =
    /// Kept when the state's type can be snapshotted (the default); when it cannot, the host says so at startup and a
    /// reconnect mounts the page afresh.
    | IfPossible
    /// Kept, as the page asked (`Page.keepState`, C# `.KeepState()`): a state type that cannot be snapshotted fails the
    /// host's startup.
    | Required
    /// Never kept (`Page.forgetState`, C# `.ForgetState()`): a reconnect mounts the page afresh.
    | Forgotten

/// A live page: a name, an init (the state of a freshly mounted page), a view, and handlers that fold client
/// actions into the state: `(state, action) -> (state, patches, effects)`. Pure data; the host runs it.
/// The handler named `mount` (`Page.onMount`, C# `OnMount`) runs right after init, whenever the page is mounted.
type Page<'S> =
    {
        /// The page's name, the `page` of `page->handler`.
        Name: string
        /// The state of a freshly mounted page.
        Init: MountContext -> 'S
        /// The page's content (what goes into `#main`) for a state.
        View: 'S -> XmlNode
        /// The document title for a state; followed after every fold (a change is sent to the browser).
        Title: 'S -> string
        /// `<meta>` tags for a state (`description`, `og:title`, `og:image`...): rendered in the first paint and
        /// updated on navigation.
        Meta: 'S -> (string * string) list
        /// Whether a state shows what was asked for (`Found`, the default) or says it does not exist (`NotFound`):
        /// the status code of its first paint over HTTP (`Page.notFoundWhen`).
        Status: 'S -> PageStatus
        /// The handlers by name; `mount` is the mount handler.
        Handlers: Map<string, 'S -> ActionContext -> Reply<'S>>
        /// What the page listens to in a state (topics, presence, timers); followed after every fold.
        Subscriptions: 'S -> Subscription list
        /// The message handlers; a message goes to the first whose type it has.
        Messages: MessageHandler<'S> list
        /// Whether its state is kept across reconnects (`IfPossible` unless the page says otherwise).
        Keeping: StateKeeping
        /// The resume handler: runs instead of init and the mount handler when the page resumes from a client's
        /// snapshot of its state (its effects complete before the page is shown); none: the state is taken as it is.
        Resume: ('S -> ActionContext -> Reply<'S>) option
        /// The parameters the page reads from `MountContext.Params` (`slug` of `/blog/{slug}`), when it declares them
        /// (`Page.withParams`, C# `.WithParams(...)`): the host refuses at startup a route whose parameters are not
        /// among them. None: not declared, routes not checked.
        Params: string list option
    }

    /// Adds (or replaces) the handler `name` (C#).
    member x.On(name: string, handler: Func<'S, ActionContext, Reply<'S>>) =
        { x with
            Handlers = Map.add (PageNames.check "handler" name) (fun s ctx -> handler.Invoke(s, ctx)) x.Handlers
        }

    /// Sets the document title from the state (C#); it is followed after every action.
    member x.WithTitle(title: Func<'S, string>) = { x with Title = title.Invoke }

    /// Sets a fixed document title (C#).
    member x.WithTitle(title: string) = { x with Title = fun _ -> title }

    /// Says when a state is "not found" (C#): `.NotFoundWhen(s => s.Post is null)`. Its first paint over HTTP then
    /// answers 404 (the page's view, in its layout, says so); over the socket the view shows it as any state.
    member x.NotFoundWhen(notFound: Func<'S, bool>) =
        { x with
            Status = notFound.Invoke >> PageStatus.When
        }

    /// Sets the `<meta>` tags from the state (C#): `.WithMeta(s => new Dictionary<string, string> { ... })`.
    member x.WithMeta(meta: Func<'S, IEnumerable<KeyValuePair<string, string>>>) =
        { x with
            Meta = fun s -> [ for pair in meta.Invoke s -> pair.Key, pair.Value ]
        }

    /// Handles messages of type `'M` (or derived from it) with `handler` (C#): `.OnMessage<Said>((state, said, ctx) =>
    /// ...)`. A later handler for the same type replaces the earlier one.
    member x.OnMessage<'M>(handler: Func<'S, 'M, ActionContext, Reply<'S>>) =
        x.WithMessage
            {
                Type = typeof<'M>
                Fold = fun message state ctx -> handler.Invoke(state, unbox<'M> message, ctx)
            }

    /// The page with `handler` added, replacing one for the same type.
    member internal x.WithMessage(handler: MessageHandler<'S>) =
        { x with
            Messages = (x.Messages |> List.filter (fun h -> h.Type <> handler.Type)) @ [ handler ]
        }

    /// Sets what the page listens to in a state (C#): `.WithSubscriptions(s => new[] { Subscription.Topic(s.Room) })`.
    member x.WithSubscriptions(subscriptions: Func<'S, IEnumerable<Subscription>>) =
        { x with
            Subscriptions = fun s -> List.ofSeq (subscriptions.Invoke s)
        }

    /// Sets the mount handler (C#): it runs right after init, whenever the page is mounted afresh (first paint,
    /// navigation, a reconnect that does not resume the page's kept state), and its effects complete before the page is
    /// shown. A page that resumes from its kept state runs its resume handler (`OnResume`) instead.
    member x.OnMount(mount: Func<'S, ActionContext, Reply<'S>>) = x.On(Protocol.MountHandler, mount)

    /// Keeps the state across reconnects, as by default, but as a requirement (C#): a state type that cannot be
    /// snapshotted fails the host's startup instead of a warning.
    member x.KeepState() =
        { x with
            Keeping = StateKeeping.Required
        }

    /// Never keeps the state across reconnects (C#): a reconnecting client's page mounts afresh (init, mount handler).
    member x.ForgetState() =
        { x with
            Keeping = StateKeeping.Forgotten
        }

    /// Declares the parameters the page reads from `MountContext.Params` (C#): `.WithParams("slug")`. Mapping the page
    /// to a route with another parameter is then a startup error.
    member x.WithParams([<ParamArray>] names: string array) =
        { x with
            Params = Some(List.ofArray names)
        }

    /// Sets the resume handler (C#): it runs instead of init and the mount handler when the page resumes from a
    /// client's snapshot of its state (say, to load what was missed while the socket was away); its effects complete
    /// before the page is shown.
    member x.OnResume(resume: Func<'S, ActionContext, Reply<'S>>) =
        { x with
            Resume = Some(fun s ctx -> resume.Invoke(s, ctx))
        }

/// Folding with a page's functions without letting an exception escape: shared by the `Page` module and the runtime.
module internal PageFold =

    /// A handler written in C# can return null; that is its failure, reported like an exception.
    let notNullReply (reply: Reply<'S>) =
        if isNull (box reply) then
            invalidOp "The fold returned null."

        reply

    /// Applies one fold (a handler, an effect's result, a mount handler); an exception is an `Error`.
    let apply (fold: 'S -> ActionContext -> Reply<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        try
            Ok(fold state ctx |> notNullReply)
        with ex ->
            Error(HandlerFailed(ctx.Origin, ex))

    /// Folds one client action into the state with the page's handler of that name.
    let update (page: Page<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        match ctx.Action with
        | null -> invalidArg (nameof ctx) "The context has no client action to handle."
        | action ->
            match page.Handlers.TryGetValue action.Name.Handler with
            | true, handler -> apply handler state ctx
            | _ -> Error(UnknownHandler action.Name)
