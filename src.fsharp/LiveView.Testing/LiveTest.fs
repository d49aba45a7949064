namespace LiveView.Testing

open System
open System.Collections.Generic
open System.Security.Claims
open System.Threading
open System.Threading.Tasks
open AngleSharp.Dom
open AngleSharp.Html.Dom
open LiveView

type private Running =
    {
        Id: int64
        Work: Effect<obj>
        Origin: Origin
        Cancel: CancellationTokenSource
    }

/// An action `data-debounce` or `data-throttle` holds back: it goes when the step ends (its pause), or before its
/// form's submit.
type private Held =
    {
        Element: IElement
        mutable Delay: float
        mutable Go: unit -> unit
        /// When it was held last, in the step (of the actions held as long, the one held first goes first).
        mutable Since: int
    }

type private Timer =
    {
        Owner: int64
        Subscription: Subscription
        mutable Next: DateTimeOffset
        mutable Done: bool
    }

/// A page under test, as a browser tab shows it: mounted as the host mounts it (first paint over HTTP, then the
/// socket's mount), driven through its rendered HTML as a person would (click, fill, submit, press: the action sent
/// is the one the browser client builds from the same attributes), with the rest of the world at the test's command
/// (effects, messages, broadcasts, presence, the clock: `LiveTestHub`). Reads give the state, the frames sent and the
/// page after every frame was applied as the client applies it, queried with CSS selectors.
[<Sealed>]
type LiveTest private (options: LiveTestOptions, site: TestSite, hub: LiveTestHub) as this =
    let connection = hub.NewConnection()
    let random = Random options.Seed
    let inputs = Queue<Input>()
    let frames = ResizeArray<Frame>()
    let errors = ResizeArray<string>()
    let failures = ResizeArray<string * exn | null>()
    let running = ResizeArray<Running>()
    let broadcasts = ResizeArray<Broadcast>()
    let subscriptions = ResizeArray<int64 * Subscription>()
    let timers = ResizeArray<Timer>()
    let submitted = Dictionary<string, IElement>()
    // A submitted form -> its fields' values as sent, until its submit's first answer (its fields then show the view's).
    let sentFields =
        Dictionary<IElement, (IElement * string) list>(HashIdentity.Reference)

    let tabs = ResizeArray<string>()
    let held = ResizeArray<Held>()
    /// The elements whose `data-throttle` interval runs: one of their events went in this step.
    let throttling = HashSet<IElement>(HashIdentity.Reference)
    let mutable holds = 0
    let mutable dom: PageDom = Unchecked.defaultof<_>
    let mutable runtime = Runtime.start connection options.User 16
    let mutable step = "Opening"
    /// The language a `page#changeLanguage` switched to in this step: the page loads again in it when the step ends.
    let mutable switched: string option = None

    let userId =
        match options.User.FindFirst ClaimTypes.NameIdentifier with
        | null ->
            options.User.Identity
            |> Option.ofObj
            |> Option.bind (fun i -> Option.ofObj i.Name)
        | claim -> Some claim.Value

    let env () = { Now = hub.Now; Random = random }

    let fail (problem: string) =
        raise (LiveTestException $"{step}: {problem}")

    /// The live page instance; failing the step when none is.
    let live () =
        match runtime.Instance with
        | null -> fail "no page is live"
        | instance -> instance

    let deliver (owner: int64) (via: Subscription voption) (origin: Origin) (message: obj) =
        inputs.Enqueue(Input.Message(owner, via, origin, message, env ()))

    let subscribe owner (subscription: Subscription) =
        subscriptions.Add(owner, subscription)

        match subscription with
        | Subscription.Timer(_, due, _, _) ->
            timers.Add
                {
                    Owner = owner
                    Subscription = subscription
                    Next = hub.Now + due
                    Done = false
                }
        | Subscription.OnPresence topic -> hub.Watch(this, owner, subscription, topic)
        | Subscription.Tracking(topic, key, meta) -> hub.Track(this, owner, topic, key, meta)
        | Subscription.OnTopic _ -> ()

    let unsubscribe owner (subscription: Subscription) =
        subscriptions.Remove((owner, subscription)) |> ignore

        timers.RemoveAll(fun t -> t.Owner = owner && t.Subscription = subscription)
        |> ignore

        match subscription with
        | Subscription.Tracking(topic, key, _) -> hub.Untrack(this, owner, topic, key)
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

            match form with
            | NonNull form ->
                match sentFields.TryGetValue form with
                | true, sent ->
                    sentFields.Remove form |> ignore
                    dom.ShowViewValues sent
                | _ -> ()
            | _ -> ()

            // A navigation frame (the client's `arrive`): the links to the page it shows are marked active, its heading
            // takes the focus and its title is announced.
            if
                answer.Handler = Protocol.SendPageHandler
                && patches
                   |> List.exists (function
                       | PushUrl _ -> true
                       | _ -> false)
            then
                dom.MarkActive answer.Page
                dom.Arrive()
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
        | Output.Log _
        | Output.Reconnected _ -> ()
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
            hub.Retrack(this, owner, topic, key, meta)
        | Output.Retrack _ -> ()
        | Output.Broadcast(b, _) ->
            broadcasts.Add b
            hub.Route b
        | Output.Authorize(navigation, name) -> inputs.Enqueue(Input.Authorized(navigation, site.Verdict name, env ()))

    /// Steps the runtime over every queued input, in order.
    let drain () =
        while inputs.Count > 0 do
            let next, outputs = Runtime.step site (inputs.Dequeue()) runtime
            runtime <- next
            outputs |> List.iter handle

    /// Runs one effect's work to its end (its partial results fold in as they come).
    let runEffect (effect: Running) =
        running.Remove effect |> ignore

        let report fold =
            inputs.Enqueue(Input.EffectItem(effect.Id, fold, env ()))

        let ended =
            match EffectRun.run options effect.Cancel.Token step effect.Work report with
            | Ok fold -> Input.EffectDone(effect.Id, fold, env ())
            | Error ex -> Input.EffectFailed(effect.Id, ex)

        inputs.Enqueue ended
        drain ()

    /// Steps over what is queued, and runs the effects when they run at once; true when there was something to do.
    let pump () =
        let busy =
            inputs.Count > 0 || (options.Effects = EffectMode.RunAll && running.Count > 0)

        drain ()

        if options.Effects = EffectMode.RunAll then
            while running.Count > 0 do
                runEffect running[0]

        busy

    /// Ends the step: every tab of the hub steps until all are quiet; fails the step if this page reported an error.
    let settle () =
        hub.Pump()
        let failed = List.ofSeq failures
        failures.Clear()

        match failed with
        | (problem, error) :: _ when options.FailOnError ->
            let cause = LiveTestException.Cause error

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

    /// Holds back `go`, the action of `element`'s event, for `delay` ms: in place of the one the element holds back
    /// already, as the client's debounce does.
    let hold (element: IElement) (delay: float) (go: unit -> unit) =
        holds <- holds + 1

        match held |> Seq.tryFind (fun h -> obj.ReferenceEquals(h.Element, element)) with
        | Some h ->
            h.Delay <- delay
            h.Go <- go
            h.Since <- holds
        | None ->
            held.Add
                {
                    Element = element
                    Delay = delay
                    Go = go
                    Since = holds
                }

    /// Sends the actions held back inside `scope`, in the order they were first held (before `scope`'s submit).
    let flushWithin (scope: IElement) =
        for h in List.ofSeq held do
            if scope.Contains h.Element then
                held.Remove h |> ignore
                throttling.Remove h.Element |> ignore
                h.Go()

    /// The pause that ends every step, longer than any `data-debounce` or `data-throttle`: the actions held back go,
    /// the shortest wait first, and the throttles' intervals end.
    let pause () =
        while held.Count > 0 do
            let next = held |> Seq.minBy (fun h -> h.Delay, h.Since)
            held.Remove next |> ignore
            next.Go()

        throttling.Clear()

    /// Sends what the client sends for `event` (or holds it back, for an element with `data-debounce`): whether an
    /// element named it, and whether its default was prevented.
    let dispatch (event: DomEvent) : bool * bool =
        let actions, prevented = ClientEvents.actionsFor event (lang ())

        let sent =
            actions
            |> List.map (function
                | Error problem -> fail problem
                | Ok(ClientEvents.SwitchLanguage lang) ->
                    switched <- Some lang
                    true
                | Ok(ClientEvents.Send(action, from)) ->
                    let go () =
                        if event.Type = "submit" then
                            submitted[string action.Name] <- event.Target
                            sentFields[event.Target] <- dom.FieldsOf event.Target

                        // The form's fields as they are when the action goes (the client reads them then).
                        let action =
                            { action with
                                Form = ClientEvents.formValues from
                            }

                        inputs.Enqueue(Input.Action(action, env ()))
                        drain ()

                    match ClientEvents.throttleOf from, ClientEvents.debounceOf from with
                    // A step's events come within any interval: the first goes, the last is held for the interval's end.
                    | every, _ when every > 0.0 && event.Type <> "submit" ->
                        if throttling.Add from then go () else hold from every go
                    | _, delay when delay > 0.0 && ClientEvents.debounced.Contains event.Type -> hold from delay go
                    | _ ->
                        // A submit goes after the events its form still holds back.
                        if event.Type = "submit" then
                            flushWithin from

                        go ()

                    true)

        not sent.IsEmpty, prevented

    /// The user is done with `field`: its `change` is sent if what they typed since the last one changed its value.
    /// True when an element named it.
    let commit (field: IElement) =
        match dom.Edited.TryGetValue field with
        | true, before ->
            dom.Edited.Remove field |> ignore

            FieldValue.typedValue field <> Some before
            && fst (
                dispatch
                    {
                        Type = "change"
                        Target = field
                        Key = None
                    }
            )
        | _ -> false

    /// Moves the focus to `element` (null: the document's body), as the browser does when the user clicks, types or
    /// presses a key somewhere else: the field left is committed (its `change`, before anything the new place sends)
    /// and gets its `blur` (if it is still in the page), then `element` gets its `focus`. True when an element named
    /// one of these events.
    let focusOn (element: IElement | null) =
        let left = dom.Focused

        if obj.ReferenceEquals(left, element) then
            false
        else
            dom.Focused <- element

            let leaving =
                match left with
                | null -> false
                | left ->
                    let changed = commit left

                    let blurred =
                        dom.Document.Contains left
                        && fst (
                            dispatch
                                {
                                    Type = "blur"
                                    Target = left
                                    Key = None
                                }
                        )

                    changed || blurred

            let arriving =
                match element with
                | null -> false
                | element ->
                    fst (
                        dispatch
                            {
                                Type = "focus"
                                Target = element
                                Key = None
                            }
                    )

            leaving || arriving

    /// What a click on `element` focuses: the element or the nearest element around it that takes the focus, else
    /// nothing (the body).
    let focusableAround (element: IElement) : IElement | null =
        match
            element.Closest
                "input, select, textarea, button, a[href], [tabindex], [contenteditable]:not([contenteditable=false])"
        with
        | null -> null
        | found when found.HasAttribute "disabled" -> null
        | found -> found

    let describe (element: IElement) =
        let html = element.OuterHtml

        if html.Length > 120 then
            html.Substring(0, 120) + "…"
        else
            html

    /// Leaves the live page (its socket closes: what it listened to stops, its effects are abandoned), then paints
    /// `page` at `url` and mounts it over a new socket.
    let opened (page: Page<obj>) (url: string) (values: Map<string, string>) =
        for owner, subscription in List.ofSeq subscriptions do
            unsubscribe owner subscription

        for effect in running do
            effect.Cancel.Cancel()

        running.Clear()
        submitted.Clear()
        sentFields.Clear()
        // What the page held back goes with it.
        held.Clear()
        throttling.Clear()
        let painted = FirstPaint.paint options site page url values hub.Now
        dom <- painted.Dom
        runtime <- Runtime.start connection options.User 16

        // The socket's mount, with the fingerprint of the view painted: the page is live.
        let mount =
            { ClientAction.named $"{page.Name}->{Protocol.MountHandler}" with
                Data = values
                View = Some painted.Fingerprint
                Lang = site.Lang
            }

        inputs.Enqueue(Input.Action(mount, env ()))

    do hub.Add this

    interface ITab with
        member _.Connection = connection
        member _.UserId = userId
        member _.Listening = List.ofSeq subscriptions
        member _.Receive(owner, via, origin, message) = deliver owner via origin message
        member _.Pump() = pump ()

        member _.NextTimer until =
            timers
            |> Seq.filter (fun t -> not t.Done && t.Next <= until)
            |> Seq.map _.Next
            |> Seq.sort
            |> Seq.tryHead

        member _.Fire time =
            for timer in List.ofSeq timers do
                if not timer.Done && timer.Next = time then
                    match timer.Subscription with
                    | Subscription.Timer(name, every, repeat, message) ->
                        if repeat then
                            timer.Next <- timer.Next + every
                        else
                            timer.Done <- true

                        deliver timer.Owner (ValueSome timer.Subscription) (Origin.Timer name) message
                    | _ -> timer.Done <- true

    /// Runs one step of the test, named `name` in its failures.
    member private this.Run(name: string, act: unit -> unit) : LiveTest =
        step <- name
        act ()

        match switched with
        | Some lang ->
            switched <- None
            this.Reload lang
        | None -> pause ()

        settle ()
        this

    /// Loads the page again in the language `lang`, as the client does after `page#changeLanguage` has stored it in the
    /// culture cookie: the first paint and the socket's mount in the new culture.
    member private this.Reload(lang: string) =
        let culture =
            try
                Globalization.CultureInfo.GetCultureInfo lang
            with :? Globalization.CultureNotFoundException ->
                fail $"page#changeLanguage switches to \"{lang}\", which is not a culture"

        site.Culture <- culture
        this.Follow dom.Url

    /// Mounts `page` as the host would at `options.Url` (its route `options.Route`): first paint, then the socket.
    /// Null options are the defaults.
    static member Mount(page: Page<'S>, options: LiveTestOptions | null) : LiveTest =
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

        let hub =
            match options.Hub with
            | null -> LiveTestHub options.Now
            | hub -> hub

        match Routes.matchUrl route options.Url with
        | None -> raise (LiveTestException $"Opening {options.Url}: it does not match the page's route '{route}'.")
        | Some values ->
            let test = LiveTest(options, site, hub)
            test.Run($"Opening {options.Url}", fun () -> test.Open(erased, options.Url, values))

    /// Mounts `page` at `/` with the default options.
    static member Mount(page: Page<'S>) : LiveTest = LiveTest.Mount(page, null)

    member private _.Open(page: Page<obj>, url: string, values: Map<string, string>) = opened page url values

    // ---- acting as the user ------------------------------------------------------------------------------------

    /// Clicks the element `selector` finds: its click actions (and those of the elements around it) are sent; a
    /// submit button submits its form, a checkbox or radio button is checked first, a label passes the click on to
    /// its field (which takes the focus), a link without action is followed (one with `target="_blank"` opens a tab:
    /// `OpenedTabs`). Fails when nothing would happen.
    member this.Click(selector: string) : LiveTest =
        this.Run(
            $"Clicking '{selector}'",
            fun () ->
                let element = find selector

                if element.HasAttribute "disabled" then
                    fail $"{describe element} is disabled"

                // The mouse goes down: the focus moves first (the field left sends its change), then the click.
                focusOn (focusableAround element) |> ignore

                if not (this.Activate element) then
                    fail
                        $"nothing happens: neither {describe element} nor an element around it has a data-action for click, and it is not a link, a submit button or a box to check"
        )

    /// Clicks `element` (see `Click`); false when nothing happened.
    member private this.Activate(element: IElement) : bool =
        // A box changes before its click is dispatched (the click's actions carry the new state), and changes back
        // when the click's default is prevented, as in Chromium; a radio button already checked does not change.
        let undo: (unit -> unit) option =
            match element with
            | :? IHtmlInputElement as input when input.Type = "checkbox" ->
                input.IsChecked <- not input.IsChecked
                Some(fun () -> input.IsChecked <- not input.IsChecked)
            | :? IHtmlInputElement as input when input.Type = "radio" && not input.IsChecked ->
                let group =
                    match input.Form with
                    | null -> dom.Document :> IParentNode
                    | form -> form :> IParentNode

                let before =
                    group.QuerySelectorAll "input[type=radio]"
                    |> Seq.tryPick (function
                        | :? IHtmlInputElement as other when
                            other.IsChecked
                            && other.Name = input.Name
                            && obj.ReferenceEquals(other.Form, input.Form)
                            ->
                            Some other
                        | _ -> None)

                input.IsChecked <- true

                Some(fun () ->
                    input.IsChecked <- false
                    before |> Option.iter (fun other -> other.IsChecked <- true))
            | _ -> None

        let sent, prevented =
            dispatch
                {
                    Type = "click"
                    Target = element
                    Key = None
                }

        let toggled =
            match undo with
            | Some undo when prevented ->
                undo ()
                false
            | Some _ -> true
            | None -> false

        let sentMore =
            toggled
            && List.fold
                (fun sent event ->
                    fst (
                        dispatch
                            {
                                Type = event
                                Target = element
                                Key = None
                            }
                    )
                    || sent)
                false
                [ "input"; "change" ]

        // A label passes the click to its field, as Chromium does: the field takes the focus, then a click.
        let labelled =
            not prevented
            && match ClientEvents.labelledBy element with
               | null -> false
               | control ->
                   let moved = focusOn control
                   this.Activate control || moved

        let followed =
            if prevented then
                false
            else
                match ClientEvents.formOf element, element.Closest "a[href]" with
                | null, null -> false
                | form, _ when ClientEvents.submits element && not (isNull form) ->
                    this.SubmitForm(nonNull form)
                    true
                | _, link when sent || isNull link -> false
                | _, link ->
                    let link = nonNull link
                    let href = nonNull (link.GetAttribute "href")

                    if ClientEvents.opensTab link then
                        tabs.Add href
                    else
                        this.Follow href

                    true

        sent || sentMore || toggled || labelled || followed

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
        | :? IHtmlSelectElement as select when not (select.Options |> Seq.exists (fun option -> option.Value = value)) ->
            fail $"{describe element} has no option '{value}'"
        | :? IHtmlInputElement
        | :? IHtmlTextAreaElement
        | :? IHtmlSelectElement -> ()
        | _ -> fail $"{describe element} is not a field (input, textarea, select)"

        // The user goes to the field (the one left sends its change), then types or picks.
        focusOn element |> ignore

        let before =
            match dom.Edited.TryGetValue element with
            | true, before -> Some before
            | _ -> FieldValue.typedValue element

        match element with
        | :? IHtmlSelectElement as select ->
            for option in select.Options do
                option.IsSelected <- (option.Value = value)
        | field -> FieldValue.type' field value

        // The value before the user's first edit since the last change, kept until the field is left (Chromium
        // forgets it when the typing comes back to it: leaving then sends nothing, whatever the view set meanwhile).
        match before with
        | Some before when FieldValue.typedValue element <> Some before -> dom.Edited[element] <- before
        | _ -> dom.Edited.Remove element |> ignore

        for event in events do
            if event = "change" then
                dom.Edited.Remove element |> ignore

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

    /// Presses `key` (`Enter`, `ArrowUp`, `a`...) in the element `selector` finds (`body`: where nothing has the
    /// focus), in Chromium's order: its keydown actions are sent; then, unless the keydown was prevented, Enter or
    /// Space clicks a focused button (Enter at once, Space when it is let go), Space a focused box, Enter follows a
    /// focused link, and Enter in an input ends its editing (its `change`, if its value changed) and submits its
    /// form as the browser does (a click on the form's first submit button; without one, the submit, if the field
    /// is the form's only text field); then its keyup actions.
    member this.Press(selector: string, key: string) : LiveTest =
        this.Run(
            $"Pressing {key} in '{selector}'",
            fun () ->
                let element = find selector

                // The key goes to the element if it takes the focus (the field left sends its change), else to
                // the element the user is in.
                if obj.ReferenceEquals(focusableAround element, element) then
                    focusOn element |> ignore

                let sentDown, prevented =
                    dispatch
                        {
                            Type = "keydown"
                            Target = element
                            Key = Some key
                        }

                let activates =
                    not prevented
                    && not (element.HasAttribute "disabled")
                    && ClientEvents.activatedBy element key

                // Enter acts on its keypress, before the keyup; Space when it is let go, after.
                let pressed =
                    if activates && key = "Enter" then
                        this.Activate element
                    elif not prevented && key = "Enter" && element.TagName = "INPUT" then
                        this.SubmitImplicitly element
                    else
                        false

                let sentUp, _ =
                    dispatch
                        {
                            Type = "keyup"
                            Target = element
                            Key = Some key
                        }

                let clickedUp = activates && key = " " && this.Activate element

                if not (sentDown || pressed || sentUp || clickedUp) then
                    fail
                        $"nothing happens: neither {describe element} nor an element around it has a data-action for keydown or keyup of {key}"
        )

    /// Enter in the input `field`, as Chromium handles it: the field's `change` (if its value changed since the
    /// last one), then its form's implicit submission. From a text field: a click on the form's first submit button
    /// (nothing if that one is disabled), or, without a submit button, the submit if `field` is the form's only text
    /// field. From another input (a box, a date): a click on the form's first enabled submit button, if any. False
    /// when nothing happened.
    member private this.SubmitImplicitly(field: IElement) : bool =
        // The form and its controls as they are now: the answer to the change comes after, in the browser.
        let form = ClientEvents.formOf field

        let controls =
            match form with
            | null -> []
            | form -> List.ofSeq (form.QuerySelectorAll "button, input")

        let changed = commit field
        let trigger = ClientEvents.submitsImplicitly field

        let rec submit (controls: IElement list) (fields: int) =
            match controls with
            | control :: _ when ClientEvents.submits control && not (ClientEvents.disabled control) ->
                this.Activate control
            | control :: _ when ClientEvents.submits control && trigger -> false
            | control :: rest when ClientEvents.submitsImplicitly control -> submit rest (fields + 1)
            | _ :: rest -> submit rest fields
            | [] when trigger && fields = 1 ->
                this.SubmitForm(nonNull form)
                true
            | [] -> false

        let submitted = submit controls 0
        changed || submitted

    /// Dispatches the DOM event `eventType` (`blur`, `mouseenter`, `dblclick`...) at the element `selector` finds.
    /// `focus` on an element that takes the focus moves the focus there, and `blur` on the focused element moves it
    /// to the body, as the user would: the field left sends its `change` first.
    member this.Trigger(selector: string, eventType: string) : LiveTest =
        this.Run(
            $"Triggering {eventType} on '{selector}'",
            fun () ->
                let element = find selector
                let focused = obj.ReferenceEquals(dom.Focused, element)

                let sent =
                    match eventType with
                    | "focus" when not focused && obj.ReferenceEquals(focusableAround element, element) ->
                        focusOn element
                    | "blur" when focused -> focusOn null
                    | _ ->
                        fst (
                            dispatch
                                {
                                    Type = eventType
                                    Target = element
                                    Key = None
                                }
                        )

                if not sent then
                    fail $"nothing happens: no data-action for {eventType} on {describe element} or around it"
        )

    /// Opens `url` (a link followed, a plain form submitted, an address typed): the page at that route is painted and
    /// mounted afresh, in place of this one.
    member this.Visit(url: string) : LiveTest =
        this.Run($"Visiting {url}", fun () -> this.Follow url)

    member private _.Follow(url: string) =
        match site.PageAt url with
        | None -> fail $"no page of the test is at {url} (LiveTestOptions.AddPage)"
        | Some(next, values) -> opened next url values

    /// The pages the test knows (for the journeys and the wiring check).
    member internal _.Site: ISite = site

    /// True when a link to `url` reaches a page of the test.
    member internal _.Reaches(url: string) = (site.PageAt url).IsSome

    // ---- the rest of the world ---------------------------------------------------------------------------------

    /// The world the page lives in: topics, presence, the clock (shared with other tests given the same hub).
    member _.Hub: LiveTestHub = hub

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

    /// Ends the oldest pending effect named `name` with `result` in place of its work's (which does not run): a test
    /// supplies what the database or the service would have answered.
    member this.CompleteEffect(name: string, result: objnull) : LiveTest =
        this.Run(
            $"Completing the effect '{name}'",
            fun () ->
                match running |> Seq.tryFind (fun e -> e.Work.Name = name) with
                | None -> fail $"no effect named '{name}' is pending"
                | Some effect ->
                    match effect.Work.Supply with
                    | ValueNone ->
                        fail $"the effect '{name}' reports as it goes: run it (RunEffect) or fail it (FailEffect)"
                    | ValueSome supply when not (isNull result) && not (supply.Yields.IsInstanceOfType result) ->
                        fail $"the effect '{name}' yields {supply.Yields.Name}, not {result.GetType().Name}"
                    | ValueSome supply ->
                        running.Remove effect |> ignore
                        inputs.Enqueue(Input.EffectDone(effect.Id, supply.Fold(Unchecked.nonNull result), env ()))
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
                hub.Route
                    {
                        To = Audience.Topic topic
                        Message = message
                    }
        )

    /// Someone else (another user's tab) becomes present in `topic` under `key` with `meta`.
    member this.Join(topic: string, key: string, meta: IReadOnlyDictionary<string, string> | null) : LiveTest =
        this.Run($"{key} joining {topic}", fun () -> hub.Join(topic, key, meta))

    /// Someone else becomes present in `topic` under `key`.
    member this.Join(topic: string, key: string) : LiveTest = this.Join(topic, key, null)

    /// The other user `key` (all their tabs) leaves `topic`.
    member this.Leave(topic: string, key: string) : LiveTest =
        this.Run($"{key} leaving {topic}", fun () -> hub.Leave(topic, key))

    /// Moves the clock on by `time`: timers fire when they are due, in order (every page of the hub's).
    member this.Advance(time: TimeSpan) : LiveTest =
        this.Run($"Advancing the clock by {time}", fun () -> hub.Advance time)

    // ---- reading -----------------------------------------------------------------------------------------------

    /// The live page's state.
    member _.State: obj = live().State

    /// The live page's state, as `'S`.
    member this.StateAs<'S>() : 'S = unbox<'S> this.State

    /// The HTTP status the host answers the live page's URL with (its first paint): 404 when its state says what was
    /// asked for does not exist (`Page.notFoundWhen`), else 200. After a navigation over the socket, the status a
    /// reload of the URL would get.
    member _.Status: int = live().Status.HttpStatus

    /// The name of the live page (empty while none is).
    member _.PageName: string =
        match runtime.Instance with
        | null -> ""
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

    /// The element with the focus, as Chromium would have it: the field typed into, what the last click focused, the
    /// new page's heading after a navigation (null: the body).
    member _.Focused: IElement | null = dom.Focused

    /// The addresses of the tabs the page opened (a link with `target="_blank"`, or another window's name, followed:
    /// the page under test stays), oldest first, as the links give them.
    member _.OpenedTabs: IReadOnlyList<string> = tabs.ToArray()

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
    member _.Now: DateTimeOffset = hub.Now

    /// What the client logged as errors: patches for elements that are not there.
    member _.ClientErrors: IReadOnlyList<string> = dom.Console.ToArray()
