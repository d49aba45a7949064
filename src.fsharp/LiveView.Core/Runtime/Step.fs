namespace LiveView

open System
open System.Globalization
open System.Security.Claims

/// The runtime's rules, as one pure function over a connection's inputs: which page is live, what mounts when,
/// which navigation wins, which fold an effect's result goes to, when an action's loading ends, and how many effects
/// run. The host reads the socket, steps, and does what the outputs say.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Runtime =

    open Effects

    /// Effects a mount may start (its handler's, and those their results start) before it is given up.
    [<Literal>]
    let MaxMountEffects = 64

    /// The runtime of connection `connection` (its id, `ActionContext.Connection`) before its first input: no page, no
    /// effects; at most `maxEffects` effects run at once.
    let start (connection: string) (user: ClaimsPrincipal) (maxEffects: int) : Runtime =
        if maxEffects < 1 then
            invalidArg (nameof maxEffects) "At least one effect must be able to run."

        {
            Connection = connection
            User = user
            MaxEffects = maxEffects
            Live = ValueNone
            Mounting = ValueNone
            Effects = Map.empty
            Queue = Set.empty
            Abandoned = Map.empty
            InFlight = 0
            Tickets = Map.empty
            Next = 1L
            Closed = false
        }

    /// The live page instance, if a page is mounted.
    let live (runtime: Runtime) : Instance option = ValueOption.toOption runtime.Live

    /// Makes `culture` current for the page code that runs next (resource lookups and formatting follow it).
    let private useCulture (culture: CultureInfo) =
        if not (obj.ReferenceEquals(CultureInfo.CurrentCulture, culture)) then
            CultureInfo.CurrentCulture <- culture

        if not (obj.ReferenceEquals(CultureInfo.CurrentUICulture, culture)) then
            CultureInfo.CurrentUICulture <- culture

    /// Runs `run` with `culture` current.
    let private inCulture (culture: CultureInfo) (run: unit -> 'T) =
        useCulture culture
        run ()

    /// Makes `page` the one whose code runs (bindings name it), then runs `run` with `culture` current.
    let private inPage (page: Page<obj>) (culture: CultureInfo) (run: unit -> 'T) =
        RunningPage.Current <- page
        inCulture culture run

    let private context acc origin (action: ClientAction | null) lang (env: Env) : ActionContext =
        {
            Origin = origin
            Action = action
            Culture = acc.Site.Culture lang
            User = acc.Rt.User
            Connection = acc.Rt.Connection
            Random = env.Random
            Now = env.Now
        }

    /// Runs page code that shows a state (title, view, layout); an exception fails the fold of `origin`.
    let private guard origin (show: unit -> 'T) : Result<'T, PageError> =
        try
            Ok(show ())
        with ex ->
            Error(HandlerFailed(origin, ex))

    let rec private setsTitle (patches: Patch list) =
        match patches with
        | [] -> false
        | SetTitle _ :: _ -> true
        | _ :: rest -> setsTitle rest

    /// The stream changes among `patches`: a stream's items are not in a view's fingerprint.
    let private streamsOf (patches: Patch list) =
        patches
        |> List.filter (function
            | Stream _ -> true
            | _ -> false)

    let private updateMounting (update: Mounting -> Mounting) acc =
        { acc with
            Rt =
                { acc.Rt with
                    Mounting = ValueOption.map update acc.Rt.Mounting
                }
        }

    /// What the page listens to in `state`, each once.
    let private subscriptionsOf (page: Page<obj>) state =
        page.Subscriptions state |> List.distinct

    /// Stops what `owner` no longer listens to and starts what is new, in that order.
    let private resubscribe owner (before: Subscription list) (after: Subscription list) acc =
        if before = after then
            acc
        else
            let stopped = before |> List.filter (fun s -> not (List.contains s after))
            let started = after |> List.filter (fun s -> not (List.contains s before))

            // A presence whose meta alone changed (same topic, same key) is updated in place.
            let samePresence a b =
                match a, b with
                | Subscription.Tracking(topic, key, _), Subscription.Tracking(topic', key', _) ->
                    topic = topic' && key = key'
                | _ -> false

            let retracked =
                stopped
                |> List.choose (fun s -> started |> List.tryFind (samePresence s) |> Option.map (fun n -> s, n))
                |> List.distinctBy snd

            let stopped =
                stopped |> List.filter (fun s -> not (List.exists (fst >> (=) s) retracked))

            let started =
                started |> List.filter (fun s -> not (List.exists (snd >> (=) s) retracked))

            let acc =
                stopped |> List.fold (fun acc s -> emit (Output.Unsubscribe(owner, s)) acc) acc

            let acc =
                retracked
                |> List.fold (fun acc (old, updated) -> emit (Output.Retrack(owner, old, updated)) acc) acc

            started |> List.fold (fun acc s -> emit (Output.Subscribe(owner, s)) acc) acc

    /// Sends a successful fold's broadcasts, in order.
    let private broadcast (page: string) (broadcasts: Broadcast list) acc =
        broadcasts |> List.fold (fun acc b -> emit (Output.Broadcast(b, page)) acc) acc

    /// The client action a ticket answers; none for ticket 0 (a mount's or a message's effects).
    let private answerOf ticketId acc =
        match Map.tryFind ticketId acc.Rt.Tickets with
        | Some t -> ValueSome t.Answer
        | None -> ValueNone

    let private acknowledge (waiting: (ClientAction * Env) list) acc =
        waiting
        |> List.rev
        |> List.fold (fun acc (action: ClientAction, _) -> emit (Output.Frames(action.Name, [], false)) acc) acc

    /// Folds `fold` into the live page, answering `answer` (none: a message's fold, a timer's, or an effect started by
    /// one, whose frames are pushed). `action` is the client action when the fold is its handler (null otherwise);
    /// `ticketId` is the action's ticket when it has effects running (0: none yet; one opens when the fold starts
    /// effects). A handler is always answered; an effect's result when it shows something or ends the action's
    /// loading. The page's title and subscriptions are followed: a changed title is sent too, and subscriptions that
    /// appear or leave are started or stopped. Page code that throws (the fold, the title, the subscriptions) leaves
    /// the state as it was; with nobody to answer, the error is only logged.
    let rec private foldLive origin (action: ClientAction | null) lang answer ticketId fold env acc =
        let live = acc.Rt.Live.Value
        let ctx = context acc origin action lang env

        RunningPage.Current <- live.Page
        useCulture ctx.Culture

        let result =
            match PageFold.apply fold live.State ctx with
            | Error error -> Error error
            | Ok reply ->
                try
                    let title = live.Page.Title reply.State

                    // Once the client is gone nothing is sent: its view is not rendered either.
                    let struct (view, shown, patches) =
                        if acc.Rt.Closed then
                            struct (live.View, live.Shown, reply.Patches)
                        else
                            let struct (_, tree) =
                                ViewTree.renderAfter live.View live.Memo (fun () -> live.Page.View reply.State)

                            ViewUpdate.after live.View live.Shown reply.Patches tree

                    let patches =
                        if title = live.Title || setsTitle reply.Patches then
                            patches
                        else
                            patches
                            @ [ SetTitle(acc.Site.DocumentTitle(live.Page, reply.State, title, lang)) ]

                    Ok(struct (reply, title, view, shown, patches, subscriptionsOf live.Page reply.State))
                with ex ->
                    Error(HandlerFailed(origin, ex))

        match result, answer with
        | Error error, ValueSome answer ->
            acc
            |> emit (Output.Fail(Fault.Page error, ValueSome answer, openOf ticketId acc > 0))
            |> closeIfDone ticketId
        | Error error, ValueNone -> emit (Output.Log(Fault.Page error)) acc
        | Ok(struct (reply, title, view, shown, patches, subscriptions)), _ ->
            let acc =
                { acc with
                    Rt =
                        { acc.Rt with
                            Live =
                                ValueSome
                                    { live with
                                        State = reply.State
                                        Title = title
                                        Subscriptions = subscriptions
                                        View = view
                                        Shown = shown
                                    }
                        }
                }

            let ticketId, acc =
                match reply.Effects with
                | [] -> ticketId, acc
                | effects ->
                    let ticketId, acc =
                        match answer with
                        | ValueSome answer when ticketId = 0L -> openTicket answer acc
                        | _ -> ticketId, acc

                    ticketId,
                    effects
                    |> List.fold (fun acc effect -> startEffect live.Id ticketId origin lang effect acc) acc

            let loading = ticketId <> 0L && openOf ticketId acc > 0

            match answer with
            | ValueSome answer when not (isNull action && patches.IsEmpty && loading) ->
                emit (Output.Frames(answer, patches, loading)) acc
            | ValueNone when not patches.IsEmpty -> emit (Output.Push patches) acc
            | _ -> acc
            |> resubscribe live.Id live.Subscriptions subscriptions
            |> broadcast live.Page.Name reply.Broadcasts
            |> if ticketId = 0L then id else closeIfDone ticketId

    /// A client action: navigation (`send_page`, `mount`), a fold into the live page, or — for a page that is not
    /// live, as a Django LiveView v1 client's first action — a mount of that page, then the fold.
    and private dispatch (action: ClientAction) env acc =
        let name = action.Name

        match acc.Site.FindPage name.Page with
        | null -> emit (Output.Fail(Fault.UnknownPage name.Page, ValueSome name, false)) acc
        | page ->
            if name.Handler = Protocol.MountHandler then
                navigateTo (Silent(action.View, ValueNone)) page action env acc
            elif
                name.Handler = Protocol.SendPageHandler
                && not (page.Handlers.ContainsKey Protocol.SendPageHandler)
            then
                navigateTo Show page action env acc
            else
                match acc.Rt.Mounting, acc.Rt.Live with
                | ValueSome navigation, _ when navigation.Page.Name = page.Name ->
                    updateMounting
                        (fun n ->
                            { n with
                                Waiting = (action, env) :: n.Waiting
                            })
                        acc
                | _, ValueSome live when live.Page.Name = page.Name -> handle page action env acc
                // The action's data are the page's parameters, as a navigation's fill its route: a v1 client has no
                // mount to carry them, so the elements that act carry them (`data-*`).
                | _ -> navigate (Implicit(action, env)) page (ValueSome name) action.Data action.Lang "" env acc

    /// Folds a client action into the live page with the page's handler of that name.
    and private handle (page: Page<obj>) (action: ClientAction) env acc =
        match page.Handlers.TryGetValue action.Name.Handler with
        | true, handler ->
            foldLive (Origin.Client action.Name) action action.Lang (ValueSome action.Name) 0L handler env acc
        | _ -> emit (Output.Fail(Fault.Page(UnknownHandler action.Name), ValueSome action.Name, false)) acc

    /// Navigation by a client action: the page's URL from the action's data, then the mount.
    and private navigateTo arrival (page: Page<obj>) (action: ClientAction) env acc =
        match acc.Site.Url(page.Name, action.Data) with
        | Error problem -> emit (Output.Fail(Fault.NoRoute(page.Name, problem), ValueSome action.Name, false)) acc
        | Ok url -> navigate arrival page (ValueSome action.Name) action.Data action.Lang url env acc

    /// Starts mounting `page`; a navigation in progress is overtaken (the later one wins).
    and private navigate arrival page answer parameters lang url env acc =
        let acc = overtake acc
        let id = acc.Rt.Next

        let navigation =
            {
                Id = id
                Page = page
                Url = url
                Params = parameters
                Lang = lang
                Arrival = arrival
                Answer = answer
                Building = ValueNone
                Waiting = []
                Started = 0
                Restored = ValueNone
            }

        let acc =
            { acc with
                Rt =
                    { acc.Rt with
                        Next = id + 1L
                        Mounting = ValueSome navigation
                    }
            }

        if acc.Site.IsGuarded page.Name then
            emit (Output.Authorize(id, page.Name)) acc
        else
            initialise env acc

    /// Drops the navigation in progress: its effects are abandoned and the actions waiting for it answered.
    and private overtake acc =
        match acc.Rt.Mounting with
        | ValueNone -> acc
        | ValueSome navigation ->
            let acc =
                { acc with
                    Rt = { acc.Rt with Mounting = ValueNone }
                }
                |> abandonOwnedBy navigation.Id

            match navigation.Arrival, navigation.Answer with
            | Silent _, _
            | Paint, _
            | _, ValueNone -> acc
            | _, ValueSome answer -> emit (Output.Frames(answer, [], false)) acc
            |> acknowledge navigation.Waiting

    /// The navigation in progress failed: the page that was live stays live.
    and private fail fault acc =
        match acc.Rt.Mounting with
        | ValueNone -> acc
        | ValueSome navigation ->
            { acc with
                Rt = { acc.Rt with Mounting = ValueNone }
            }
            |> abandonOwnedBy navigation.Id
            |> emit (Output.Fail(fault, navigation.Answer, false))
            |> acknowledge navigation.Waiting

    /// Initialises the authorized navigation: a reconnecting client's page resumes from its snapshot when it can
    /// (`resume`), any other mounts afresh (`mountFresh`).
    and private initialise env acc =
        match acc.Rt.Mounting.Value.Arrival with
        | Silent(_, ValueSome snapshot) -> resume snapshot env acc
        | _ -> mountFresh env acc

    /// Resumes the navigation's page from the state a reconnecting client's snapshot decoded to: no init, no mount
    /// handler; the page's resume handler, if it has one, folds it (and may start effects). A snapshot that cannot be
    /// used (`Resume.decide`), or a restored state the page cannot show or resume (its view, title, subscriptions or
    /// resume handler throw), mounts the page afresh instead. Either way the outcome is reported for the log.
    and private resume snapshot env acc =
        let navigation = acc.Rt.Mounting.Value
        let page = navigation.Page
        let origin = Origin.Mount page.Name

        let resumed =
            inPage page (acc.Site.Culture navigation.Lang) (fun () ->
                Resume.decide page.Keeping snapshot
                |> Result.bind (fun state ->
                    try
                        page.Title state |> ignore
                        page.Subscriptions state |> ignore
                        ViewTree.render (ViewMemo()) (fun () -> page.View state) |> ignore

                        let reply =
                            match page.Resume with
                            | Some fold ->
                                fold state (context acc origin null navigation.Lang env)
                                |> PageFold.notNullReply
                            | None -> Reply.state state

                        Ok(state, reply)
                    with ex ->
                        Error(SnapshotRejection.Unusable ex)))

        match resumed with
        | Ok(state, reply) ->
            acc
            |> emit (Output.Reconnected(page.Name, Ok()))
            |> updateMounting (fun n -> { n with Restored = ValueSome state })
            |> build reply
            |> completeIfReady
        | Error why -> acc |> emit (Output.Reconnected(page.Name, Error why)) |> mountFresh env

    /// Runs the authorized navigation's init and mount handler, and starts the mount effects.
    and private mountFresh env acc =
        let navigation = acc.Rt.Mounting.Value
        let origin = Origin.Mount navigation.Page.Name
        let culture = acc.Site.Culture navigation.Lang

        let mount =
            {
                Url = navigation.Url
                Params = navigation.Params
                Lang = navigation.Lang
                Culture = culture
                User = acc.Rt.User
                Connection = acc.Rt.Connection
                Random = env.Random
                Now = env.Now
            }

        let mounted =
            inPage navigation.Page culture (fun () ->
                guard origin (fun () -> navigation.Page.Init mount)
                |> Result.bind (fun state ->
                    match navigation.Page.Handlers.TryGetValue Protocol.MountHandler with
                    | true, handler -> PageFold.apply handler state (context acc origin null navigation.Lang env)
                    | _ -> Ok(Reply.state state)))

        match mounted with
        | Error error -> fail (Fault.Page error) acc
        | Ok reply -> acc |> build reply |> completeIfReady

    /// Keeps a mount fold's state and patches, and starts its effects (up to `MaxMountEffects` in all).
    and private build (reply: Reply<obj>) acc =
        let navigation = acc.Rt.Mounting.Value

        let patches =
            match navigation.Building with
            | ValueSome(_, earlier) -> earlier @ reply.Patches
            | ValueNone -> reply.Patches

        let started = navigation.Started + reply.Effects.Length

        if started > MaxMountEffects then
            let error =
                InvalidOperationException $"Mounting started more than {MaxMountEffects} effects."

            fail (Fault.Page(HandlerFailed(Origin.Mount navigation.Page.Name, error))) acc
        else
            let origin = Origin.Mount navigation.Page.Name

            acc
            |> updateMounting (fun n ->
                { n with
                    Building = ValueSome(reply.State, patches)
                    Started = started
                })
            |> broadcast navigation.Page.Name reply.Broadcasts
            |> fun acc ->
                reply.Effects
                |> List.fold (fun acc effect -> startEffect navigation.Id 0L origin navigation.Lang effect acc) acc

    /// Completes the navigation once its mount effects have all folded in.
    and private completeIfReady acc =
        match acc.Rt.Mounting with
        | ValueSome navigation when navigation.Building.IsSome && not (pendingFor navigation.Id acc) ->
            complete navigation acc
        | _ -> acc

    /// The mounted page becomes the live one: the previous one's effects are abandoned, the page is shown (for
    /// `send_page`), and the actions that waited for it are folded in order.
    and private complete navigation acc =
        let state, patches = navigation.Building.Value
        let origin = Origin.Mount navigation.Page.Name
        let memo = ViewMemo()

        let shown =
            inPage navigation.Page (acc.Site.Culture navigation.Lang) (fun () ->
                guard origin (fun () ->
                    let title = navigation.Page.Title state
                    let subscriptions = subscriptionsOf navigation.Page state

                    let struct (view, tree) =
                        ViewTree.render memo (fun () -> navigation.Page.View state)

                    // The view is shown whole; the mount's own patches follow it.
                    let struct (_, shown, patches) = ViewUpdate.after tree (ValueSome tree) patches tree

                    let again = Swap(Protocol.MainSelector, [ view ], false) :: patches

                    match navigation.Arrival with
                    | Show ->
                        let documentTitle =
                            acc.Site.DocumentTitle(navigation.Page, state, title, navigation.Lang)

                        title,
                        subscriptions,
                        tree,
                        shown,
                        Navigation.patches view (navigation.Page.Meta state) navigation.Url documentTitle
                        @ patches
                    | Paint ->
                        let painted =
                            (ValueSome tree, patches)
                            ||> List.fold (fun nodes patch ->
                                nodes |> ValueOption.bind (fun n -> ViewStream.paint n patch))

                        title, subscriptions, tree, painted, []
                    | Silent(fingerprint, ValueSome _) ->
                        // A reconnect: the client shows the view it had (`fingerprint`, when it could vouch for it).
                        let shows nodes =
                            fingerprint |> Option.exists (fun shows -> ViewHtml.fingerprint nodes = shows)

                        let documentTitle () =
                            SetTitle(acc.Site.DocumentTitle(navigation.Page, state, title, navigation.Lang))

                        let whole () =
                            let struct (_, shown, _) = ViewUpdate.after tree (ValueSome tree) again tree
                            title, subscriptions, tree, shown, again @ [ documentTitle () ]

                        match navigation.Restored with
                        | ValueSome restored ->
                            let struct (_, before) =
                                ViewTree.render (ViewMemo()) (fun () -> navigation.Page.View restored)

                            if shows before then
                                // It shows the restored state's view: what the resume handler changed goes as changes.
                                let struct (_, shown, changes) =
                                    ViewUpdate.after before (ValueSome before) (snd navigation.Building.Value) tree

                                let changes =
                                    if navigation.Page.Title restored = title then
                                        changes
                                    else
                                        changes @ [ documentTitle () ]

                                title, subscriptions, tree, shown, changes
                            else
                                whole ()
                        | ValueNone ->
                            match shown with
                            | ValueSome shown when shows shown ->
                                title, subscriptions, tree, ValueSome shown, streamsOf patches
                            | _ -> whole ()
                    | Silent(Some fingerprint, _) when
                        (match shown with
                         | ValueSome shown -> ViewHtml.fingerprint shown <> fingerprint
                         | ValueNone -> true)
                        ->
                        // The client shows another render (a page whose first state is random): it gets this one.
                        let struct (_, shown, _) = ViewUpdate.after tree (ValueSome tree) again tree
                        title, subscriptions, tree, shown, again
                    | _ ->
                        // The client shows the view; a stream's items are not in its fingerprint, and some may have
                        // come since its first paint: the mount's inserts go again (one of a key shown is replaced).
                        title, subscriptions, tree, shown, streamsOf patches))

        match shown with
        | Error error -> fail (Fault.Page error) acc
        | Ok(title, subscriptions, tree, shown, frames) ->
            let acc =
                match acc.Rt.Live with
                | ValueSome previous ->
                    abandonOwnedBy previous.Id acc
                    |> resubscribe previous.Id previous.Subscriptions []
                | ValueNone -> acc

            let live =
                {
                    Id = navigation.Id
                    Page = navigation.Page
                    State = state
                    Url = navigation.Url
                    Title = title
                    Lang = navigation.Lang
                    Subscriptions = subscriptions
                    View = tree
                    Shown = shown
                    Memo = memo
                }

            let acc =
                { acc with
                    Rt =
                        { acc.Rt with
                            Live = ValueSome live
                            Mounting = ValueNone
                        }
                }
                |> resubscribe live.Id [] subscriptions

            match navigation.Arrival, navigation.Answer with
            | Show, ValueSome answer
            | Silent(_, ValueSome _), ValueSome answer -> emit (Output.Frames(answer, frames, false)) acc
            | Silent _, _ when not frames.IsEmpty -> emit (Output.Push frames) acc
            | Implicit(action, env), _ -> handle navigation.Page action env acc
            | _ -> acc
            |> fun acc ->
                navigation.Waiting
                |> List.rev
                |> List.fold (fun acc (action, env) -> dispatch action env acc) acc

    /// Folds a mount effect's result into the page being mounted.
    and private foldMount navigation origin fold env acc =
        let state, _ = navigation.Building.Value
        let ctx = context acc origin null navigation.Lang env

        match inPage navigation.Page ctx.Culture (fun () -> PageFold.apply fold state ctx) with
        | Error error -> fail (Fault.Page error) acc
        | Ok reply -> acc |> build reply |> completeIfReady

    /// Where a wanted effect's result goes: the live page, or the page being mounted.
    let private resultOf (running: Running) fold env acc =
        let origin = Origin.Effect(running.Name, running.StartedBy)

        match acc.Rt.Live, acc.Rt.Mounting with
        | ValueSome live, _ when live.Id = running.Owner ->
            foldLive origin null running.Lang (answerOf running.Ticket acc) running.Ticket fold env acc
        | _, ValueSome navigation when navigation.Id = running.Owner -> foldMount navigation origin fold env acc
        | _ -> acc

    /// A wanted effect's work threw: the live page answers with an error; a mount fails.
    let private failureOf (running: Running) (error: exn) acc =
        let fault = Fault.Effect(Origin.Effect(running.Name, running.StartedBy), error)

        match acc.Rt.Live, acc.Rt.Mounting with
        | ValueSome live, _ when live.Id = running.Owner ->
            match answerOf running.Ticket acc with
            | ValueSome answer ->
                acc
                |> emit (Output.Fail(fault, ValueSome answer, openOf running.Ticket acc > 0))
                |> closeIfDone running.Ticket
            | ValueNone -> emit (Output.Log fault) acc
        | _, ValueSome navigation when navigation.Id = running.Owner -> fail fault acc
        | _ -> acc

    /// A wanted effect ended without a result (the host did not run it).
    let private skipped (running: Running) acc =
        match acc.Rt.Live with
        | ValueSome live when live.Id = running.Owner ->
            match answerOf running.Ticket acc with
            | ValueSome answer when openOf running.Ticket acc = 0 -> emit (Output.Frames(answer, [], false)) acc
            | _ -> acc
            |> closeIfDone running.Ticket
        | _ -> completeIfReady acc

    /// A message for `owner` (0: whichever page is live) folds into the live page with its handler for the message's
    /// type. One for a page that was left, or through a subscription the page has dropped since (a tick of a timer it
    /// stopped), is dropped; one the page has no handler for is logged.
    let private deliver owner (via: Subscription voption) origin (message: obj) env acc =
        match acc.Rt.Live with
        | ValueSome live when
            owner = 0L
            || owner = live.Id
               && (match via with
                   | ValueSome s -> List.contains s live.Subscriptions
                   | ValueNone -> true)
            ->
            match
                live.Page.Messages
                |> List.tryFind (fun handler -> handler.Type.IsInstanceOfType message)
            with
            | Some handler -> foldLive origin null live.Lang ValueNone 0L (handler.Fold message) env acc
            | None -> emit (Output.Log(Fault.Unhandled(live.Page.Name, origin))) acc
        | _ -> acc

    /// Steps the runtime over one input: the next runtime, and what the host must do, in order. Never throws for
    /// anything page code does; page code runs with the fold's culture as the current culture.
    /// Once the client is gone, steps still fold and start effects, but send nothing, start no subscription (a page
    /// mounted then listens to nothing) and only log failures.
    let private withoutClient (runtime: Runtime) (outputs: Output list) =
        if not runtime.Closed then
            outputs
        else
            outputs
            |> List.choose (function
                | Output.Frames _
                | Output.Push _
                | Output.Subscribe _
                | Output.Retrack _ -> None
                | Output.Fail(fault, _, _) -> Some(Output.Log fault)
                | output -> Some output)

    /// The client is gone (its socket closed): the host may go on stepping effect ends while the runtime `Owes` work,
    /// so that what a user asked for still begins; from now on nothing is sent and nothing is listened to.
    let close (runtime: Runtime) = { runtime with Closed = true }

    let step (site: ISite) (input: Input) (runtime: Runtime) : Runtime * Output list =
        let acc = { Site = site; Rt = runtime; Out = [] }

        let acc =
            match input with
            | Input.Action(action, env) -> dispatch action env acc
            | Input.Resume(action, snapshot, env) ->
                match site.FindPage action.Name.Page with
                | null -> emit (Output.Fail(Fault.UnknownPage action.Name.Page, ValueSome action.Name, false)) acc
                | page when action.Name.Handler = Protocol.MountHandler ->
                    navigateTo (Silent(action.View, ValueSome snapshot)) page action env acc
                // A snapshot goes with a mount only: anything else is the action alone.
                | _ -> dispatch action env acc
            | Input.Mount(request, env) ->
                match site.FindPage request.Page with
                | null -> emit (Output.Fail(Fault.UnknownPage request.Page, ValueNone, false)) acc
                | page -> navigate Paint page ValueNone request.Params request.Lang request.Url env acc
            | Input.Authorized(id, verdict, env) ->
                match acc.Rt.Mounting with
                | ValueSome navigation when navigation.Id = id && navigation.Building.IsNone ->
                    if verdict = Verdict.Allowed then
                        initialise env acc
                    else
                        fail (Fault.Refused(navigation.Page.Name, verdict, navigation.Url)) acc
                | _ -> acc
            | Input.Message(owner, via, origin, message, env) -> deliver owner via origin message env acc
            | Input.EffectItem(id, fold, env) ->
                match Map.tryFind id acc.Rt.Effects with
                | Some running when running.Deferred.IsNone -> resultOf running fold env acc
                | _ -> acc
            | Input.EffectDone(id, fold, env) ->
                match finish id acc with
                | Wanted running, acc -> resultOf running fold env acc
                | _, acc -> acc
                |> startDeferred
            | Input.EffectFailed(id, error) ->
                match finish id acc with
                | Wanted running, acc -> failureOf running error acc
                | Dropped origin, acc when not (error :? OperationCanceledException) ->
                    emit (Output.Log(Fault.Effect(origin, error))) acc
                | _, acc -> acc
                |> startDeferred
            | Input.EffectSkipped id ->
                match finish id acc with
                | Wanted running, acc -> skipped running acc
                | _, acc -> acc
                |> startDeferred

        RunningPage.Current <- Unchecked.defaultof<_>
        acc.Rt, List.rev acc.Out |> withoutClient acc.Rt
