namespace LiveView

open System
open System.Globalization
open Giraffe.ViewEngine

/// Building, running and testing pages.
[<RequireQualifiedAccess>]
module Page =

    /// A page with no handlers yet; its title is its name until `withTitle` says otherwise.
    let create (name: string) (init: MountContext -> 'S) (view: 'S -> XmlNode) : Page<'S> =
        {
            Name = PageNames.check "page" name
            Init = init
            View = view
            Title = fun _ -> name
            Meta = fun _ -> []
            Status = fun _ -> PageStatus.Found
            Handlers = Map.empty
            Subscriptions = fun _ -> []
            Messages = []
            Keeping = StateKeeping.IfPossible
            Resume = None
            Params = None
        }

    /// Adds (or replaces) the handler `name`: it folds the action into the state and returns a `Reply` (the new
    /// state, its patches, and effects to run), as C#'s `On`.
    let on (name: string) (handler: 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) =
        { page with
            Handlers = Map.add (PageNames.check "handler" name) handler page.Handlers
        }

    /// Adds (or replaces) a named handler; views bind to it with `Live.on "click" handler`.
    let handle (handler: Handler<'S>) (page: Page<'S>) = on handler.Name handler.Fold page

    /// Sets the document title from the state; it is followed after every fold.
    let withTitle (title: 'S -> string) (page: Page<'S>) = { page with Title = title }

    /// Sets the `<meta>` tags from the state.
    let withMeta (meta: 'S -> (string * string) list) (page: Page<'S>) = { page with Meta = meta }

    /// Says when a state is "not found" (an unknown slug; always, for an app's not-found page): its first paint over
    /// HTTP then answers 404, with the page's view (which says so) in its layout; over the socket the view shows it as
    /// any state, so a navigation shows what loading the URL would.
    let notFoundWhen (notFound: 'S -> bool) (page: Page<'S>) =
        { page with
            Status = notFound >> PageStatus.When
        }

    /// Sets what the page listens to in a state (topics, presence, timers): after every fold the runtime starts
    /// what is new in the list and stops what left it; everything stops when the page is left.
    let withSubscriptions (subscriptions: 'S -> Subscription list) (page: Page<'S>) =
        { page with
            Subscriptions = subscriptions
        }

    /// Handles messages of type `'M` (or derived from it) with `handler` (Phoenix's `handle_info`). A later handler
    /// for the same type replaces the earlier one; a message goes to the first handler whose type it has.
    let onMessage (handler: 'M -> 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) =
        page.WithMessage
            {
                Type = typeof<'M>
                Fold = fun message -> handler (unbox<'M> message)
            }

    /// Sets the mount handler: it runs right after init whenever the page is mounted afresh (first paint, navigation, a
    /// reconnect that does not resume the page's kept state), and its effects complete and fold in before the page is
    /// shown. A page that resumes from its kept state runs its resume handler (`onResume`) instead.
    let onMount (mount: 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) = on Protocol.MountHandler mount page

    /// Keeps the state across reconnects, as by default, but as a requirement: a state type that cannot be snapshotted
    /// fails the host's startup instead of a warning.
    let keepState (page: Page<'S>) =
        { page with
            Keeping = StateKeeping.Required
        }

    /// Never keeps the state across reconnects: a reconnecting client's page mounts afresh (init, mount handler).
    let forgetState (page: Page<'S>) =
        { page with
            Keeping = StateKeeping.Forgotten
        }

    /// Sets the resume handler: it runs instead of init and the mount handler when the page resumes from a client's
    /// snapshot of its state (say, to load what was missed while the socket was away); its effects complete and fold
    /// in before the page is shown.
    let onResume (resume: 'S -> ActionContext -> Reply<'S>) (page: Page<'S>) = { page with Resume = Some resume }

    /// Declares the parameters the page reads from `MountContext.Params` (`[ "slug" ]` for `/blog/{slug}`). Mapping
    /// the page to a route with another parameter is then a startup error.
    let withParams (names: string list) (page: Page<'S>) = { page with Params = Some names }

    /// Applies one fold (a handler, an effect's result, a mount handler). Never throws: an exception is a
    /// `HandlerFailed` naming `ctx.Origin`, and the caller keeps the old state.
    let apply (fold: 'S -> ActionContext -> Reply<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        PageFold.apply fold state ctx

    /// Folds the client action of `ctx` into the state. Never throws: an unknown handler or a failing one is an
    /// `Error`, and the caller keeps the old state.
    let update (page: Page<'S>) (state: 'S) (ctx: ActionContext) : Result<Reply<'S>, PageError> =
        PageFold.update page state ctx

    /// The same page with its state type hidden (boxed), so one registry can hold pages of any state type.
    let erase (page: Page<'S>) : Page<obj> =
        let wrap (state: 'S) : obj = Unchecked.nonNull (box state)
        let unwrap (state: obj) : 'S = unbox state

        let lift (handler: 'S -> ActionContext -> Reply<'S>) =
            fun (state: obj) ctx ->
                Reply.map unwrap (fun _ s -> wrap s) state (handler (unwrap state) ctx |> PageFold.notNullReply)

        {
            Name = page.Name
            Init = page.Init >> wrap
            View = unwrap >> page.View
            Title = unwrap >> page.Title
            Meta = unwrap >> page.Meta
            Status = unwrap >> page.Status
            Handlers = page.Handlers |> Map.map (fun _ handler -> lift handler)
            Subscriptions = unwrap >> page.Subscriptions
            Messages =
                [
                    for handler in page.Messages ->
                        {
                            Type = handler.Type
                            Fold = fun message -> lift (handler.Fold message)
                        }
                ]
            Keeping = page.Keeping
            Resume = page.Resume |> Option.map lift
            Params = page.Params
        }

    /// The page alone as a site, for stepping the runtime without a host (`Page.run`, benchmarks, tests): no routes
    /// (URLs are empty), no layout, any culture is the invariant one, no authorization.
    let alone (page: Page<obj>) : ISite =
        { new ISite with
            member _.FindPage name = if name = page.Name then page else null
            member _.Url(_, _) = Ok ""
            member _.DocumentTitle(_, _, title, _) = title
            member _.Culture _ = CultureInfo.InvariantCulture
            member _.IsGuarded _ = false
        }

    /// Mounts the page and folds `actions` through it in order, with the runtime the host uses, without running
    /// effects (their results never arrive). Each action's context is deterministic: `Random` seeded with its position, the
    /// Unix epoch as `Now`, the invariant culture, an anonymous user. Returns the final state, every patch sent and
    /// every error, in order. Throws when the page cannot be mounted at all.
    let run (page: Page<'S>) (actions: ClientAction list) : 'S * Patch list * PageError list =
        let site = alone (erase page)

        let env seed =
            {
                Now = DateTimeOffset.UnixEpoch
                Random = Random seed
            }

        let rec drive (runtime, patches, errors) input =
            let runtime, outputs = Runtime.step site input runtime

            outputs
            |> List.fold
                (fun (runtime, patches, errors) output ->
                    match output with
                    | Output.Frames(_, sent, _)
                    | Output.Push sent -> runtime, patches @ sent, errors
                    | Output.Fail(Fault.Page error, _, _) -> runtime, patches, errors @ [ error ]
                    | Output.Fail(Fault.UnknownPage _, ValueSome name, _) ->
                        runtime, patches, errors @ [ UnknownHandler name ]
                    | Output.Start(id, _, _) -> drive (runtime, patches, errors) (Input.EffectSkipped id)
                    | _ -> runtime, patches, errors)
                (runtime, patches, errors)

        let mount =
            Input.Mount(
                {
                    Page = page.Name
                    Url = ""
                    Params = Map.empty
                    Lang = None
                },
                env -1
            )

        let runtime, patches, errors =
            actions
            |> List.indexed
            |> List.fold
                (fun state (i, action) -> drive state (Input.Action(action, env i)))
                (drive
                    (Runtime.start
                        Context.Connection
                        (Security.Claims.ClaimsPrincipal(Security.Claims.ClaimsIdentity()))
                        1,
                     [],
                     [])
                    mount)

        match runtime.Instance with
        | null ->
            let cause =
                errors
                |> List.tryPick (function
                    | HandlerFailed(_, error) -> Some error
                    | _ -> None)
                |> Option.toObj

            // A test's message, not a client's: it says why (a handler not registered, the exception of the mount).
            let why =
                match cause with
                | null -> ""
                | cause -> $" {cause.GetType().Name}: {cause.Message}"

            raise (InvalidOperationException($"Page '{page.Name}' could not be mounted.{why}", cause))
        | live -> unbox<'S> live.State, patches, errors
