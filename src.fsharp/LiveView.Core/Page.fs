namespace LiveView

open System
open System.Collections.Generic
open Giraffe.ViewEngine

/// Why a page could not fold an action. A value, not an exception: the host turns it into an error frame.
type PageError =
    /// The page has no handler of that name.
    | UnknownHandler of Name: ActionName
    /// The handler (or the fold of an effect's result) threw; the state is unchanged.
    | HandlerFailed of Name: ActionName * Error: exn

    /// The action that failed.
    member x.Action =
        match x with
        | UnknownHandler name
        | HandlerFailed(name, _) -> name

    /// A sentence for the client and the log; it names what was asked, never the handlers that exist.
    member x.Message =
        match x with
        | UnknownHandler name -> $"Page '{name.Page}' has no handler '{name.Handler}'."
        | HandlerFailed(name, _) -> $"Handler '{name}' failed; the page's state is unchanged."

module internal PageNames =
    let check (what: string) (name: string) =
        if not (ActionName.isValidPart name) then
            invalidArg
                what
                $"'{name}' is not a valid {what} name: use 1 to {ActionName.MaxPartLength} ASCII letters, digits, '_', '-' or '.'."

        name

/// A live page: a name, a mount (initial state), a view for the first render, and handlers that fold client
/// actions into the state: `(state, action) -> (state, patches, effects)`. Pure data; the host runs it.
type Page<'S> =
    {
        /// The page's name, the `page` of `page->handler`.
        Name: string
        /// Mount: the state of a freshly opened page.
        Init: MountContext -> 'S
        /// Runs right after `Init`, before the first render: its effects (a database read...) complete and fold
        /// into the state before the page is shown, over HTTP and over the socket alike.
        AfterMount: ('S -> ActionContext -> Reply<'S>) option
        /// The page's content (what goes into `#main`) for a state.
        View: 'S -> XmlNode
        /// The document title for a state.
        Title: 'S -> string
        /// `<meta>` tags for a state (`description`, `og:title`, `og:image`...): rendered in the first paint and
        /// updated on navigation.
        Meta: 'S -> (string * string) list
        /// The handlers by name.
        Handlers: Map<string, 'S -> ActionContext -> Reply<'S>>
    }

    /// Adds (or replaces) the handler `name` (C#).
    member x.On(name: string, handler: Func<'S, ActionContext, Reply<'S>>) =
        { x with
            Handlers = Map.add (PageNames.check "handler" name) (fun s ctx -> handler.Invoke(s, ctx)) x.Handlers
        }

    /// Sets the document title from the state (C#).
    member x.WithTitle(title: Func<'S, string>) = { x with Title = title.Invoke }

    /// Sets a fixed document title (C#).
    member x.WithTitle(title: string) = { x with Title = fun _ -> title }

    /// Sets the `<meta>` tags from the state (C#): `.WithMeta(s => new Dictionary<string, string> { ... })`.
    member x.WithMeta(meta: Func<'S, IEnumerable<KeyValuePair<string, string>>>) =
        { x with
            Meta = fun s -> [ for pair in meta.Invoke s -> pair.Key, pair.Value ]
        }

    /// Runs `load` right after mount, before the first render; its effects complete first (C#).
    member x.OnMount(load: Func<'S, ActionContext, Reply<'S>>) =
        { x with
            AfterMount = Some(fun s ctx -> load.Invoke(s, ctx))
        }

/// Building and running pages.
[<RequireQualifiedAccess>]
module Page =

    /// A page with no handlers yet; its title is its name until `withTitle` says otherwise.
    let create (name: string) (init: MountContext -> 'S) (view: 'S -> XmlNode) : Page<'S> =
        {
            Name = PageNames.check "page" name
            Init = init
            AfterMount = None
            View = view
            Title = fun _ -> name
            Meta = fun _ -> []
            Handlers = Map.empty
        }

    /// Adds a handler that returns the new state and its patches.
    let on (name: string) (handler: 'S -> ActionContext -> 'S * Patch list) (page: Page<'S>) =
        let reply state ctx =
            let state, patches = handler state ctx
            Reply.ok state patches

        { page with
            Handlers = Map.add (PageNames.check "handler" name) reply page.Handlers
        }

    /// Adds a handler that returns a full `Reply`, effects included.
    let handle (name: string) (handler: 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) =
        { page with
            Handlers = Map.add (PageNames.check "handler" name) handler page.Handlers
        }

    /// Sets the document title from the state.
    let withTitle (title: 'S -> string) (page: Page<'S>) = { page with Title = title }

    /// Sets the `<meta>` tags from the state.
    let withMeta (meta: 'S -> (string * string) list) (page: Page<'S>) = { page with Meta = meta }

    /// Runs `load` right after mount, before the first render; its effects complete and fold in first.
    let onMount (load: 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) = { page with AfterMount = Some load }

    /// A handler written in C# can return null; that is its failure, reported like an exception.
    let private notNullReply (reply: Reply<'S>) =
        if isNull (box reply) then
            invalidOp "The handler returned null."

        reply

    /// Applies one fold (a handler, or an effect's result) without letting an exception escape.
    let apply (fold: 'S -> ActionContext -> Reply<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        try
            Ok(fold state ctx |> notNullReply)
        with ex ->
            Error(HandlerFailed(ctx.Action.Name, ex))

    /// Folds one client action into the state. Never throws: an unknown handler or a failing one is an `Error`,
    /// and the caller keeps the old state.
    let update (page: Page<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        match page.Handlers.TryGetValue ctx.Action.Name.Handler with
        | true, handler -> apply handler state ctx
        | _ -> Error(UnknownHandler ctx.Action.Name)

    /// The same page with its state type hidden (boxed), so one registry can hold pages of any state type.
    let erase (page: Page<'S>) : Page<obj> =
        let wrap (state: 'S) : obj = Unchecked.nonNull (box state)
        let unwrap (state: obj) : 'S = unbox state

        let lift (handler: 'S -> ActionContext -> Reply<'S>) =
            fun (state: obj) ctx ->
                Reply.map unwrap (fun _ s -> wrap s) state (handler (unwrap state) ctx |> notNullReply)

        {
            Name = page.Name
            Init = page.Init >> wrap
            AfterMount = page.AfterMount |> Option.map lift
            View = unwrap >> page.View
            Title = unwrap >> page.Title
            Meta = unwrap >> page.Meta
            Handlers = page.Handlers |> Map.map (fun _ handler -> lift handler)
        }

    /// The action name under which a page's `AfterMount` runs: `page->mount`.
    let mountAction (page: Page<'S>) =
        ClientAction.create
            {
                Page = page.Name
                Handler = Protocol.MountHandler
            }

    /// Mounts the page (`Init`, then `AfterMount` without its effects) and folds `actions` through it in order, each
    /// with a deterministic context (seed = its position). Returns the final state, every patch sent and every
    /// error, in order. Effects are not run.
    let run (page: Page<'S>) (actions: ClientAction list) : 'S * Patch list * PageError list =
        let folder (state, patches, errors) (i, action) =
            match update page state (Context.action i action) with
            | Ok reply -> reply.State, patches @ reply.Patches, errors
            | Error e -> state, patches, errors @ [ e ]

        let initial = page.Init(Context.mount "" 0)

        let mounted =
            match page.AfterMount with
            | None -> initial, [], []
            | Some load ->
                match apply load initial (Context.action -1 (mountAction page)) with
                | Ok reply -> reply.State, reply.Patches, []
                | Error e -> initial, [], [ e ]

        actions |> List.indexed |> List.fold folder mounted
