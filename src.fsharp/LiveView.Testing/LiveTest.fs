namespace LiveView.Testing

open System
open System.Collections.Generic
open System.Security.Claims
open System.Threading
open System.Threading.Tasks
open AngleSharp.Dom
open AngleSharp.Html.Dom
open Giraffe.ViewEngine
open Microsoft.Extensions.DependencyInjection
open LiveView

/// A step of a test that could not be taken, or whose page failed: the message names the step.
type LiveTestException(message: string, inner: exn | null) =
    inherit Exception(message, inner)
    new(message: string) = LiveTestException(message, null)

/// One frame the server sent the page: the action it answers (null: a push), its patches, whether the action's
/// effects still ran, and its error (null: none).
type Frame =
    {
        /// `page->handler` of the client action it answers; null for a push (a message, a timer, an effect of one).
        Answer: string | null
        /// What it changed, in order.
        Patches: IReadOnlyList<Patch>
        /// The answered action's effects still run.
        Loading: bool
        /// The error it reported, or null.
        Error: string | null
    }

/// An effect a page started that has not ended yet.
type PendingEffect =
    {
        /// The runtime's number for it.
        Id: int64
        /// Its name (`Effect.perform "load_posts"`).
        Name: string
        /// What started it.
        StartedBy: string
        /// Nobody waits for its result any more (its page left, a newer one of its name replaced it).
        Abandoned: bool
    }

type private Running =
    {
        Id: int64
        Work: Effect<obj>
        Origin: Origin
        Cancel: CancellationTokenSource
    }

type private Timer =
    {
        Owner: int64
        Subscription: Subscription
        mutable Next: DateTimeOffset
        mutable Done: bool
    }

type private Present =
    {
        Topic: string
        Key: string
        mutable Meta: Map<string, string>
        /// The page instance tracking it; 0: added by the test (another user).
        Owner: int64
    }

/// The site a test's pages make: their routes, titles as the pages give them, one culture, the guards the test set.
[<Sealed>]
type internal TestSite(pages: (string * Page<obj>) list, options: LiveTestOptions) =
    member _.RouteOf(name: string) =
        pages |> List.tryFind (fun (_, page) -> page.Name = name) |> Option.map fst

    member _.PageAt(url: string) =
        pages
        |> List.tryPick (fun (route, page) -> Routes.matchUrl route url |> Option.map (fun values -> page, values))

    interface ISite with
        member _.FindPage name : Page<obj> | null =
            match pages |> List.tryFind (fun (_, page) -> page.Name = name) with
            | Some(_, page) -> page
            | None -> null

        member this.Url(page, values) =
            match this.RouteOf page with
            | Some route -> Routes.fill route values
            | None -> Error $"the test has no route for page '{page}' (LiveTestOptions.AddPage)"

        member _.DocumentTitle(_, _, title, _) = title
        member _.Culture _ = options.Culture

        member _.IsGuarded name =
            options.Guards |> Seq.exists (fun (page, _) -> page = name)

/// A page under test, as a browser tab shows it: mounted as the host mounts it (first paint over HTTP, then the
/// socket's mount), driven through its rendered HTML as a person would (click, fill, submit, press: the action sent
/// is the one the browser client builds from the same attributes), with the rest of the world at the test's command
/// (effects, messages, broadcasts, presence, the clock). Reads give the state, the frames sent and the page after
/// every frame was applied as the client applies it, queried with CSS selectors.
[<Sealed>]
type LiveTest private (options: LiveTestOptions, site: TestSite, page: Page<obj>, dom: PageDom, runtime: Runtime) =
    static let connection = "test"

    let mutable dom = dom
    let mutable runtime = runtime
    let mutable clock = options.Now
    let random = Random options.Seed
    let inputs = Queue<Input>()
    let frames = ResizeArray<Frame>()
    let errors = ResizeArray<string>()
    let logged = ResizeArray<string>()
    let running = ResizeArray<Running>()
    let broadcasts = ResizeArray<Broadcast>()
    let subscriptions = ResizeArray<int64 * Subscription>()
    let timers = ResizeArray<Timer>()
    let present = ResizeArray<Present>()
    let submitted = Dictionary<string, IElement>()
    let mutable step = "mounting"
    let failures = ResizeArray<string * exn | null>()

    let env () = { Now = clock; Random = random }

    let userId (user: ClaimsPrincipal) =
        match user.FindFirst ClaimTypes.NameIdentifier with
        | null -> user.Identity |> Option.ofObj |> Option.bind (fun i -> Option.ofObj i.Name)
        | claim -> Some claim.Value

    let fail (problem: string) =
        raise (LiveTestException $"{step}: {problem}")

    let presenceOf (p: Present) =
        {
            Key = p.Key
            Meta = p.Meta :> IReadOnlyDictionary<string, string>
        }

    let deliver (owner: int64) (via: Subscription voption) (origin: Origin) (message: obj) =
        inputs.Enqueue(Input.Message(owner, via, origin, message, env ()))

    /// Tells every page watching `topic`'s presence what changed.
    let presenceChanged (topic: string) (joined: Present list) (left: Present list) (updated: Present list) =
        let change =
            {
                Topic = topic
                Present =
                    [|
                        for p in present do
                            if p.Topic = topic then
                                presenceOf p
                    |]
                Joined = [| for p in joined -> presenceOf p |]
                Left = [| for p in left -> presenceOf p |]
                Updated = [| for p in updated -> presenceOf p |]
            }

        for owner, subscription in List.ofSeq subscriptions do
            match subscription with
            | Subscription.OnPresence watched when watched = topic ->
                deliver
                    owner
                    (ValueSome subscription)
                    (Origin.Message(nameof PresenceChanged, $"presence {topic}"))
                    change
            | _ -> ()

    let subscribe owner (subscription: Subscription) =
        subscriptions.Add(owner, subscription)

        match subscription with
        | Subscription.Timer(_, due, _, _) ->
            timers.Add
                {
                    Owner = owner
                    Subscription = subscription
                    Next = clock + due
                    Done = false
                }
        | Subscription.OnPresence topic ->
            let everyone =
                [|
                    for p in present do
                        if p.Topic = topic then
                            presenceOf p
                |]

            deliver
                owner
                (ValueSome subscription)
                (Origin.Message(nameof PresenceChanged, $"presence {topic}"))
                {
                    Topic = topic
                    Present = everyone
                    Joined = everyone
                    Left = [||]
                    Updated = [||]
                }
        | Subscription.Tracking(topic, key, meta) ->
            let entry =
                {
                    Topic = topic
                    Key = key
                    Meta = meta
                    Owner = owner
                }

            present.Add entry
            presenceChanged topic [ entry ] [] []
        | Subscription.OnTopic _ -> ()

    let unsubscribe owner (subscription: Subscription) =
        subscriptions.Remove((owner, subscription)) |> ignore

        timers.RemoveAll(fun t -> t.Owner = owner && t.Subscription = subscription)
        |> ignore

        match subscription with
        | Subscription.Tracking(topic, key, _) ->
            match
                present
                |> Seq.tryFind (fun p -> p.Owner = owner && p.Topic = topic && p.Key = key)
            with
            | Some entry ->
                present.Remove entry |> ignore
                presenceChanged topic [] [ entry ] []
            | None -> ()
        | _ -> ()

    let broadcast (b: Broadcast) =
        broadcasts.Add b
        let origin = Origin.Message(b.Message.GetType().Name, string b.To)

        match b.To.Kind with
        | AudienceKind.Topic ->
            for owner, subscription in List.ofSeq subscriptions do
                match subscription with
                | Subscription.OnTopic topic when topic = b.To.Name ->
                    deliver owner (ValueSome subscription) origin b.Message
                | _ -> ()
        | AudienceKind.Connection when b.To.Name = connection -> deliver 0L ValueNone origin b.Message
        | AudienceKind.User when userId options.User = Some b.To.Name -> deliver 0L ValueNone origin b.Message
        | AudienceKind.Everyone -> deliver 0L ValueNone origin b.Message
        | _ -> ()

    let record (answer: string | null) (patches: Patch list) loading (error: string | null) =
        frames.Add
            {
                Answer = answer
                Patches = patches
                Loading = loading
                Error = error
            }

    let handle (output: Output) =
        match output with
        | Output.Frames(answer, patches, loading) ->
            let name = string answer

            let form: IElement | null =
                match submitted.TryGetValue name with
                | true, form -> form
                | _ -> null

            if not loading then
                submitted.Remove name |> ignore

            record name patches loading null
            dom.Apply(patches, form)
        | Output.Push patches ->
            record null patches false null
            dom.Apply(patches, null)
        | Output.Fail(fault, answer, loading) ->
            let name: string | null =
                match answer with
                | ValueSome answer -> string answer
                | ValueNone -> null

            match name with
            | null -> ()
            | name when not loading -> submitted.Remove name |> ignore
            | _ -> ()

            record name [] loading fault.Message
            errors.Add fault.Message
            failures.Add(fault.Message, fault.Exception)
            dom.Toasts.Add { Kind = "error"; Text = fault.Message }
        | Output.Log fault -> logged.Add fault.Message
        | Output.Start(id, work, origin) ->
            running.Add
                {
                    Id = id
                    Work = work
                    Origin = origin
                    Cancel = new CancellationTokenSource()
                }
        | Output.Cancel id ->
            for effect in running do
                if effect.Id = id then
                    effect.Cancel.Cancel()
        | Output.Subscribe(owner, subscription) -> subscribe owner subscription
        | Output.Unsubscribe(owner, subscription) -> unsubscribe owner subscription
        | Output.Retrack(owner, Subscription.Tracking(topic, key, _), Subscription.Tracking(_, _, meta)) ->
            match
                present
                |> Seq.tryFind (fun p -> p.Owner = owner && p.Topic = topic && p.Key = key)
            with
            | Some entry ->
                entry.Meta <- meta
                presenceChanged topic [] [] [ entry ]
            | None -> ()
        | Output.Retrack _ -> ()
        | Output.Broadcast b -> broadcast b
        | Output.Authorize(navigation, name) ->
            let verdict =
                match options.Guards |> Seq.tryFind (fun (page, _) -> page = name) with
                | Some(_, allows) -> allows.Invoke options.User
                | None -> Verdict.Allowed

            inputs.Enqueue(Input.Authorized(navigation, verdict, env ()))

    /// Steps the runtime over every queued input, in order.
    let drain () =
        while inputs.Count > 0 do
            let next, outputs = Runtime.step site (inputs.Dequeue()) runtime
            runtime <- next
            outputs |> List.iter handle

    /// Runs one effect's work to its end (its partial results fold in as they come).
    let runEffect (effect: Running) =
        running.Remove effect |> ignore

        let report (fold: obj -> ActionContext -> Reply<obj>) : Task =
            inputs.Enqueue(Input.EffectItem(effect.Id, fold, env ()))
            Task.CompletedTask

        let ended =
            try
                let scope =
                    match options.Services.GetService typeof<IServiceScopeFactory> with
                    | :? IServiceScopeFactory as scopes -> Some(scopes.CreateScope())
                    | _ -> None

                use _ =
                    { new IDisposable with
                        member _.Dispose() = scope |> Option.iter _.Dispose()
                    }

                let services =
                    match scope with
                    | None -> options.Services
                    | Some scope -> scope.ServiceProvider

                let context =
                    {
                        Services = services
                        Cancellation = CancellationToken.None
                        Abandoned = effect.Cancel.Token
                    }

                let work: Task<obj -> ActionContext -> Reply<obj>> =
                    Task.Run<obj -> ActionContext -> Reply<obj>>(
                        Func<Task<obj -> ActionContext -> Reply<obj>> | null>(fun () -> effect.Work.Run context report)
                    )

                if not (work.Wait(TimeSpan.FromSeconds 30.0)) then
                    fail $"the effect '{effect.Work.Name}' did not end within 30 s"

                Input.EffectDone(effect.Id, work.Result, env ())
            with
            | :? LiveTestException -> reraise ()
            | :? AggregateException as ex -> Input.EffectFailed(effect.Id, ex.GetBaseException())
            | ex -> Input.EffectFailed(effect.Id, ex)

        inputs.Enqueue ended
        drain ()

    /// Ends the step: runs the effects (when they run at once) and fails it if the page reported an error.
    let settle () =
        drain ()

        if options.Effects = EffectMode.RunAll then
            while running.Count > 0 do
                runEffect running[0]

        let failed = List.ofSeq failures
        failures.Clear()

        match failed with
        | (problem, error) :: _ when options.FailOnError ->
            let cause =
                match error with
                | null -> ""
                | error -> $" {error.GetType().Name}: {error.Message}"

            raise (
                LiveTestException(
                    $"{step}: the page reported an error: {problem}{cause} (LiveTestOptions.FailOnError = false lets a test read it)",
                    error
                )
            )
        | _ -> ()

    let find (selector: string) : IElement =
        match dom.Document.QuerySelector selector with
        | null -> fail $"no element matches '{selector}'"
        | element -> element

    let lang () =
        match dom.Document.DocumentElement.GetAttribute "lang" with
        | null -> ""
        | lang -> lang

    /// Sends what the client sends for `event`; false when no element named it.
    let dispatch (event: DomEvent) : bool * bool =
        let actions, prevented = ClientEvents.actionsFor event (lang ())

        let sent =
            actions
            |> List.map (function
                | Error problem -> fail problem
                | Ok(action: ClientAction) ->
                    if event.Type = "submit" then
                        submitted[string action.Name] <- event.Target

                    inputs.Enqueue(Input.Action(action, env ()))
                    drain ()
                    true)

        not sent.IsEmpty, prevented

    let describe (element: IElement) =
        element.OuterHtml
        |> fun html ->
            if html.Length > 120 then
                html.Substring(0, 120) + "…"
            else
                html

    /// The first paint of `page` at `url` with route values `values`, as the host renders it; then the socket's mount.
    static member private Open(options: LiveTestOptions, site: TestSite, page: Page<obj>, url: string, values) =
        let env () =
            {
                Now = options.Now
                Random = Random options.Seed
            }

        let lang =
            if options.Culture.Name = "" then
                None
            else
                Some options.Culture.TwoLetterISOLanguageName

        let request =
            {
                Page = page.Name
                Url = url
                Params = values
                Lang = lang
            }

        // The first paint: the host mounts the page (its mount effects included) and renders it in its layout.
        let mutable paint = Runtime.start connection options.User 16
        let inputs = Queue [ Input.Mount(request, env ()) ]

        let run (effect: Effect<obj>) id =
            let context =
                {
                    Services = options.Services
                    Cancellation = CancellationToken.None
                    Abandoned = CancellationToken.None
                }

            try
                let items = ResizeArray()

                let fold =
                    (effect.Run context (fun fold ->
                        items.Add fold
                        Task.CompletedTask))
                        .GetAwaiter()
                        .GetResult()

                [ for item in items -> Input.EffectItem(id, item, env ()) ]
                @ [ Input.EffectDone(id, fold, env ()) ]
            with ex ->
                [ Input.EffectFailed(id, ex) ]

        while inputs.Count > 0 do
            let next, outputs = Runtime.step site (inputs.Dequeue()) paint
            paint <- next

            for output in outputs do
                match output with
                | Output.Start(id, work, _) -> run work id |> List.iter inputs.Enqueue
                | Output.Authorize(navigation, name) ->
                    let verdict =
                        match options.Guards |> Seq.tryFind (fun (guarded, _) -> guarded = name) with
                        | Some(_, allows) -> allows.Invoke options.User
                        | None -> Verdict.Allowed

                    inputs.Enqueue(Input.Authorized(navigation, verdict, env ()))
                | Output.Fail(fault, _, _) ->
                    raise (
                        LiveTestException(
                            $"Opening {url}: the page '{page.Name}' could not be mounted: {fault.Message}",
                            fault.Exception
                        )
                    )
                | _ -> ()

        let mounted =
            match paint.Instance with
            | null -> raise (LiveTestException $"Opening {url}: the page '{page.Name}' did not finish mounting.")
            | instance -> instance

        let shown =
            if mounted.Shown.IsSome then
                mounted.Shown.Value
            else
                mounted.View

        let state = mounted.State

        let context =
            {
                Page = page.Name
                Title = page.Title state
                Meta = page.Meta state
                Lang = defaultArg lang ""
                Content = rawText (ViewHtml.ofNodes shown)
                ClientScript = script [ attr "data-page" page.Name ] []
            }

        let document =
            match options.Layout with
            | null -> LiveTest.DefaultLayout context
            | layout -> layout.Invoke context

        let dom = PageDom(RenderView.AsString.htmlDocument document, url)
        let socket = Runtime.start connection options.User 16
        let test = new LiveTest(options, site, page, dom, socket)

        // The socket's mount, with the fingerprint of the view painted: the page is live.
        let mount =
            { ClientAction.named $"{page.Name}->{Protocol.MountHandler}" with
                Data = values
                View = Some(ViewHtml.fingerprint shown)
                Lang = lang
            }

        test.Run($"Opening {url}", fun () -> test.Enqueue(Input.Action(mount, test.Env())))

    /// The document a test's page is painted in when the test gives no layout.
    static member internal DefaultLayout(context: LayoutContext) =
        html
            [ attr "lang" context.Lang ]
            [
                head [] (title [] [ str context.Title ] :: Layout.metaTags context)
                body [] [ main [ _id "main" ] [ context.Content ]; context.ClientScript ]
            ]

    member private _.Env() = env ()
    member private _.Enqueue(input: Input) = inputs.Enqueue input

    /// Runs one step of the test, named `name` in its failures.
    member private this.Run(name: string, act: unit -> unit) : LiveTest =
        step <- name
        act ()
        settle ()
        this

    /// Mounts `page` as the host would at `options.Url` (its route `options.Route`): first paint, then the socket.
    static member Mount(page: Page<'S>, options: LiveTestOptions) : LiveTest =
        let options =
            match options with
            | null -> LiveTestOptions()
            | options -> options

        let erased = Page.erase page

        let route =
            match options.Route with
            | null -> "/" + Routes.pathOf options.Url
            | route -> route

        let site = TestSite((route, erased) :: List.ofSeq options.Pages, options)

        match Routes.matchUrl route options.Url with
        | None -> raise (LiveTestException $"Opening {options.Url}: it does not match the page's route '{route}'.")
        | Some values -> LiveTest.Open(options, site, erased, options.Url, values)

    /// Mounts `page` at `/` with the default options.
    static member Mount(page: Page<'S>) : LiveTest = LiveTest.Mount(page, null)

    // ---- acting as the user ------------------------------------------------------------------------------------

    /// Clicks the element `selector` finds: its click actions (and those of the elements around it) are sent; a
    /// submit button submits its form, a checkbox or radio button is checked first, a link without action is
    /// followed. Fails when nothing would happen.
    member this.Click(selector: string) : LiveTest =
        this.Run(
            $"Clicking '{selector}'",
            fun () ->
                let element = find selector

                if element.HasAttribute "disabled" then
                    fail $"{describe element} is disabled"

                let toggled =
                    match element with
                    | :? IHtmlInputElement as input when input.Type = "checkbox" ->
                        input.IsChecked <- not input.IsChecked
                        true
                    | :? IHtmlInputElement as input when input.Type = "radio" ->
                        input.IsChecked <- true
                        true
                    | _ -> false

                if ClientEvents.isField element || element.TagName = "BUTTON" then
                    dom.Focused <- element

                let sent, prevented =
                    dispatch
                        {
                            Type = "click"
                            Target = element
                            Key = None
                        }

                let sentMore =
                    if toggled then
                        let sentInput, _ =
                            dispatch
                                {
                                    Type = "input"
                                    Target = element
                                    Key = None
                                }

                        let sentChange, _ =
                            dispatch
                                {
                                    Type = "change"
                                    Target = element
                                    Key = None
                                }

                        sentInput || sentChange
                    else
                        false

                let submits =
                    match element with
                    | :? IHtmlButtonElement as button -> (button.Type = "submit")
                    | :? IHtmlInputElement as input -> input.Type = "submit" || input.Type = "image"
                    | _ -> false

                let followed =
                    if prevented then
                        false
                    else
                        match ClientEvents.formOf element, element.Closest "a[href]" with
                        | null, null -> false
                        | form, _ when submits && not (isNull form) ->
                            this.SubmitForm(nonNull form)
                            true
                        | _, link when sent || isNull link -> false
                        | _, link ->
                            this.Follow(nonNull ((nonNull link).GetAttribute "href"))
                            true

                if not (sent || sentMore || toggled || followed) then
                    fail
                        $"nothing happens: neither {describe element} nor an element around it has a data-action for click, and it is not a link, a submit button or a box to check"
        )

    /// Types `value` into the field `selector` finds (its `input` actions are sent), as a person typing.
    member this.Fill(selector: string, value: string) : LiveTest =
        this.Run($"Filling '{selector}'", fun () -> this.SetValue(selector, value, [ "input" ]))

    /// Sets the field `selector` finds to `value` and leaves it: its `input` and `change` actions are sent.
    member this.Change(selector: string, value: string) : LiveTest =
        this.Run($"Changing '{selector}'", fun () -> this.SetValue(selector, value, [ "input"; "change" ]))

    member private _.SetValue(selector: string, value: string, events: string list) =
        let element = find selector

        if element.HasAttribute "disabled" || element.HasAttribute "readonly" then
            fail $"{describe element} cannot be typed into (disabled or read-only)"

        match element with
        | :? IHtmlInputElement as input when input.Type = "checkbox" || input.Type = "radio" ->
            fail $"{describe element} is a box to check: Click it, or Check/Uncheck it"
        | :? IHtmlInputElement as input -> input.Value <- value
        | :? IHtmlTextAreaElement as area -> area.Value <- value
        | :? IHtmlSelectElement as select ->
            if not (select.Options |> Seq.exists (fun option -> option.Value = value)) then
                fail $"{describe element} has no option '{value}'"

            for option in select.Options do
                option.IsSelected <- (option.Value = value)
        | _ -> fail $"{describe element} is not a field (input, textarea, select)"

        dom.Focused <- element

        for event in events do
            dispatch
                {
                    Type = event
                    Target = element
                    Key = None
                }
            |> ignore

    /// Checks the checkbox or radio button `selector` finds (a click when it is not checked yet).
    member this.Check(selector: string) : LiveTest =
        match find selector with
        | :? IHtmlInputElement as input when not input.IsChecked -> this.Click selector
        | _ -> this

    /// Unchecks the checkbox `selector` finds (a click when it is checked).
    member this.Uncheck(selector: string) : LiveTest =
        match find selector with
        | :? IHtmlInputElement as input when input.IsChecked -> this.Click selector
        | _ -> this

    /// Submits the form `selector` finds (or the form around the element it finds): its submit actions are sent
    /// with its fields; a plain form is followed over HTTP.
    member this.Submit(selector: string) : LiveTest =
        this.Run(
            $"Submitting '{selector}'",
            fun () ->
                match ClientEvents.formOf (find selector) with
                | null -> fail $"'{selector}' is neither a form nor in one"
                | form -> this.SubmitForm form
        )

    member private this.SubmitForm(form: IHtmlFormElement) =
        let sent, prevented =
            dispatch
                {
                    Type = "submit"
                    Target = form
                    Key = None
                }

        if not sent && not prevented then
            let target =
                match form.GetAttribute "action" with
                | null
                | "" -> dom.Url
                | action -> action

            let query =
                ClientEvents.formValues form
                |> Seq.collect (fun pair ->
                    pair.Value
                    |> List.map (fun value -> $"{Uri.EscapeDataString pair.Key}={Uri.EscapeDataString value}"))
                |> String.concat "&"

            this.Follow(
                if query = "" then
                    target
                else
                    $"{target.Split('?')[0]}?{query}"
            )

    /// Presses `key` (`Enter`, `ArrowUp`, `a`...) in the element `selector` finds: its keydown and keyup actions
    /// are sent; Enter in a text field submits its form.
    member this.Press(selector: string, key: string) : LiveTest =
        this.Run(
            $"Pressing {key} in '{selector}'",
            fun () ->
                let element = find selector

                if ClientEvents.isField element then
                    dom.Focused <- element

                let sentDown, prevented =
                    dispatch
                        {
                            Type = "keydown"
                            Target = element
                            Key = Some key
                        }

                let sentUp, _ =
                    dispatch
                        {
                            Type = "keyup"
                            Target = element
                            Key = Some key
                        }

                match ClientEvents.formOf element with
                | form when key = "Enter" && not prevented && element.TagName = "INPUT" && not (isNull form) ->
                    this.SubmitForm(nonNull form)
                | _ when not (sentDown || sentUp) ->
                    fail
                        $"nothing happens: neither {describe element} nor an element around it has a data-action for keydown or keyup of {key}"
                | _ -> ()
        )

    /// Dispatches the DOM event `eventType` (`blur`, `mouseenter`, `dblclick`...) at the element `selector` finds.
    member this.Trigger(selector: string, eventType: string) : LiveTest =
        this.Run(
            $"Triggering {eventType} on '{selector}'",
            fun () ->
                let element = find selector

                let sent, _ =
                    dispatch
                        {
                            Type = eventType
                            Target = element
                            Key = None
                        }

                if not sent then
                    fail $"nothing happens: no data-action for {eventType} on {describe element} or around it"
        )

    /// Opens `url` (a link followed, a plain form submitted, an address typed): the page at that route is painted and
    /// mounted afresh, in place of this one.
    member this.Visit(url: string) : LiveTest =
        this.Run($"Visiting {url}", fun () -> this.Follow url)

    member private this.Follow(url: string) =
        match site.PageAt url with
        | None -> fail $"no page of the test is at {url} (LiveTestOptions.AddPage)"
        | Some(next, values) ->
            let opened = LiveTest.Open(options, site, next, url, values)
            this.Adopt opened

    member private _.Internals =
        {|
            Dom = dom
            Runtime = runtime
            Subscriptions = subscriptions
            Timers = timers
            Running = running
            Present = present
            Frames = frames
        |}

    member private _.Adopt(other: LiveTest) =
        let state = other.Internals
        dom <- state.Dom
        runtime <- state.Runtime
        subscriptions.Clear()
        subscriptions.AddRange state.Subscriptions
        timers.Clear()
        timers.AddRange state.Timers
        running.Clear()
        running.AddRange state.Running
        present.RemoveAll(fun p -> p.Owner <> 0L) |> ignore
        present.AddRange(state.Present |> Seq.filter (fun p -> p.Owner <> 0L))
        frames.AddRange state.Frames

    /// The pages the test knows (for the journeys and the wiring check).
    member internal _.Site: ISite = site

    /// True when a link to `url` reaches a page of the test.
    member internal _.Reaches(url: string) = (site.PageAt url).IsSome

    // ---- the rest of the world ---------------------------------------------------------------------------------

    /// Runs every pending effect to its end (and those their results start), in the order they started.
    member this.RunEffects() : LiveTest =
        this.Run(
            "Running the effects",
            fun () ->
                while running.Count > 0 do
                    runEffect running[0]
        )

    /// Runs the oldest pending effect named `name` to its end.
    member this.RunEffect(name: string) : LiveTest =
        this.Run(
            $"Running the effect '{name}'",
            fun () ->
                match running |> Seq.tryFind (fun e -> e.Work.Name = name) with
                | Some effect -> runEffect effect
                | None ->
                    let names = running |> Seq.map _.Work.Name |> String.concat ", "
                    fail $"no effect named '{name}' is pending (pending: {names})"
        )

    /// Ends the oldest pending effect named `name` as if its work had thrown `error`.
    member this.FailEffect(name: string, error: exn) : LiveTest =
        this.Run(
            $"Failing the effect '{name}'",
            fun () ->
                match running |> Seq.tryFind (fun e -> e.Work.Name = name) with
                | Some effect ->
                    running.Remove effect |> ignore
                    inputs.Enqueue(Input.EffectFailed(effect.Id, error))
                | None -> fail $"no effect named '{name}' is pending"
        )

    /// Delivers `message` to the live page as a message sent to its connection (`handle_info`).
    member this.Send(message: obj) : LiveTest =
        this.Run(
            $"Sending {message.GetType().Name}",
            fun () -> deliver 0L ValueNone (Origin.Message(message.GetType().Name, "test")) message
        )

    /// Broadcasts `message` to `topic`, as another page or the app's hub would: the pages subscribed to it get it.
    member this.Publish(topic: string, message: obj) : LiveTest =
        this.Run(
            $"Publishing {message.GetType().Name} to {topic}",
            fun () ->
                broadcast
                    {
                        To = Audience.Topic topic
                        Message = message
                    }
        )

    /// Someone else (another user's tab) becomes present in `topic` under `key` with `meta`.
    member this.Join(topic: string, key: string, meta: IReadOnlyDictionary<string, string> | null) : LiveTest =
        this.Run(
            $"{key} joining {topic}",
            fun () ->
                let entry =
                    {
                        Topic = topic
                        Key = key
                        Meta =
                            match meta with
                            | null -> Map.empty
                            | meta -> Map.ofSeq [ for pair in meta -> pair.Key, pair.Value ]
                        Owner = 0L
                    }

                present.Add entry
                presenceChanged topic [ entry ] [] []
        )

    /// Someone else becomes present in `topic` under `key`.
    member this.Join(topic: string, key: string) : LiveTest = this.Join(topic, key, null)

    /// The other user `key` (all their tabs) leaves `topic`.
    member this.Leave(topic: string, key: string) : LiveTest =
        this.Run(
            $"{key} leaving {topic}",
            fun () ->
                let leaving =
                    present
                    |> Seq.filter (fun p -> p.Owner = 0L && p.Topic = topic && p.Key = key)
                    |> List.ofSeq

                for entry in leaving do
                    present.Remove entry |> ignore

                if not leaving.IsEmpty then
                    presenceChanged topic [] leaving []
        )

    /// Moves the clock on by `time`: the page's timers fire when they are due, in order.
    member this.Advance(time: TimeSpan) : LiveTest =
        this.Run(
            $"Advancing the clock by {time}",
            fun () ->
                let until = clock + time
                let mutable due = true

                while due do
                    match
                        timers
                        |> Seq.filter (fun t -> not t.Done && t.Next <= until)
                        |> Seq.sortBy _.Next
                        |> Seq.tryHead
                    with
                    | None -> due <- false
                    | Some timer ->
                        clock <- timer.Next

                        match timer.Subscription with
                        | Subscription.Timer(name, every, repeat, message) ->
                            if repeat then
                                timer.Next <- timer.Next + every
                            else
                                timer.Done <- true

                            deliver timer.Owner (ValueSome timer.Subscription) (Origin.Timer name) message
                            drain ()

                            if options.Effects = EffectMode.RunAll then
                                while running.Count > 0 do
                                    runEffect running[0]
                        | _ -> timer.Done <- true

                clock <- until
        )

    // ---- reading -----------------------------------------------------------------------------------------------

    /// The live page's state.
    member _.State: obj =
        match runtime.Instance with
        | null -> fail "no page is live"
        | instance -> instance.State

    /// The live page's state, as `'S`.
    member this.StateAs<'S>() : 'S = unbox<'S> this.State

    /// The name of the live page.
    member _.PageName: string =
        match runtime.Instance with
        | null -> page.Name
        | instance -> instance.Page.Name

    /// The page's view as the client shows it: the HTML inside `#main`.
    member _.Html: string = dom.Main.InnerHtml

    /// The whole document as the client shows it.
    member _.DocumentHtml: string = dom.Document.DocumentElement.OuterHtml

    /// The document (AngleSharp) as the client shows it, for queries beyond these.
    member _.Document: IDocument = dom.Document

    /// The elements `selector` finds, in document order.
    member _.All(selector: string) : IReadOnlyList<IElement> =
        dom.Document.QuerySelectorAll selector |> Seq.toArray :> IReadOnlyList<IElement>

    /// The text of the element `selector` finds (its text content, trimmed); fails when there is none.
    member _.Text(selector: string) : string =
        step <- $"Reading the text of '{selector}'"
        (find selector).TextContent.Trim()

    /// The attribute `name` of the element `selector` finds, or null when it has none.
    member _.Attribute(selector: string, name: string) : string | null =
        step <- $"Reading {name} of '{selector}'"
        (find selector).GetAttribute name

    /// The value the field `selector` finds holds now (what was typed, or what the view set).
    member _.Value(selector: string) : string =
        step <- $"Reading the value of '{selector}'"

        match find selector with
        | :? IHtmlInputElement as input -> input.Value
        | :? IHtmlTextAreaElement as area -> area.Value
        | :? IHtmlSelectElement as select -> nonNull select.Value
        | element -> fail $"{describe element} is not a field"

    /// How many elements `selector` finds.
    member _.Count(selector: string) : int =
        dom.Document.QuerySelectorAll(selector).Length

    /// True when `selector` finds an element.
    member _.Has(selector: string) : bool =
        not (isNull (dom.Document.QuerySelector selector))

    /// The document's title.
    member _.Title: string = nonNull dom.Document.Title

    /// The page's URL (path and query), as the address bar shows it.
    member _.Url: string = dom.Url

    /// The notifications shown, oldest first (errors included, as kind `error`).
    member _.Toasts: IReadOnlyList<Toast> = dom.Toasts.ToArray()

    /// The events the server pushed to the page's hooks (`Patch.Event`): name and JSON payload, oldest first.
    member _.Events: IReadOnlyList<struct (string * string)> =
        [| for name, payload in dom.Events -> struct (name, payload) |]

    /// Every frame the page received, oldest first.
    member _.Frames: IReadOnlyList<Frame> = frames.ToArray()

    /// The errors the page reported (with `FailOnError = false`), oldest first.
    member _.Errors: IReadOnlyList<string> = errors.ToArray()

    /// What the page broadcast (`Reply.broadcast`), oldest first.
    member _.Broadcasts: IReadOnlyList<Broadcast> = broadcasts.ToArray()

    /// The effects started and not ended (with `Effects = Hold`).
    member _.PendingEffects: IReadOnlyList<PendingEffect> =
        [|
            for effect in running ->
                {
                    Id = effect.Id
                    Name = effect.Work.Name
                    StartedBy = string effect.Origin
                    Abandoned = effect.Cancel.IsCancellationRequested
                }
        |]

    /// What the live page listens to now (topics, presence, timers).
    member _.Subscriptions: IReadOnlyList<Subscription> =
        [| for _, s in subscriptions -> s |]

    /// The clock.
    member _.Now: DateTimeOffset = clock

    /// What the client logged as errors: patches for elements that are not there.
    member _.ClientErrors: IReadOnlyList<string> = dom.Console.ToArray()
