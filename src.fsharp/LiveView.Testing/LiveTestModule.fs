namespace LiveView.Testing

open System
open LiveView

/// The harness for F# pipelines: `LiveTest.mount page |> LiveTest.fill "#text" "milk" |> LiveTest.submit "#new"`.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module LiveTest =

    /// Mounts `page` at `/` as the host would.
    let mount (page: Page<'S>) : LiveTest = LiveTest.Mount page

    /// Mounts `page` with `options` (URL, route, user, culture, services, clock, seed, other pages).
    let mountWith (options: LiveTestOptions) (page: Page<'S>) : LiveTest = LiveTest.Mount(page, options)

    /// Clicks the element `selector` finds.
    let click (selector: string) (test: LiveTest) = test.Click selector

    /// Types `value` into the field `selector` finds.
    let fill (selector: string) (value: string) (test: LiveTest) = test.Fill(selector, value)

    /// Sets the field `selector` finds to `value` and leaves it (`input`, then `change`).
    let change (selector: string) (value: string) (test: LiveTest) = test.Change(selector, value)

    /// Checks the box `selector` finds.
    let check (selector: string) (test: LiveTest) = test.Check selector

    /// Unchecks the box `selector` finds.
    let uncheck (selector: string) (test: LiveTest) = test.Uncheck selector

    /// Submits the form `selector` finds (or the one around it).
    let submit (selector: string) (test: LiveTest) = test.Submit selector

    /// Presses `key` in the element `selector` finds.
    let press (selector: string) (key: string) (test: LiveTest) = test.Press(selector, key)

    /// Dispatches the DOM event `eventType` at the element `selector` finds.
    let trigger (selector: string) (eventType: string) (test: LiveTest) = test.Trigger(selector, eventType)

    /// Opens `url` in place of the page.
    let visit (url: string) (test: LiveTest) = test.Visit url

    /// Runs every pending effect to its end.
    let runEffects (test: LiveTest) = test.RunEffects()

    /// Runs the oldest pending effect named `name`.
    let runEffect (name: string) (test: LiveTest) = test.RunEffect name

    /// Ends the oldest pending effect named `name` with `result` in place of its work's.
    let completeEffect (name: string) (result: objnull) (test: LiveTest) = test.CompleteEffect(name, result)

    /// Delivers `message` to the live page (`handle_info`).
    let send (message: obj) (test: LiveTest) = test.Send message

    /// Broadcasts `message` to `topic`.
    let publish (topic: string) (message: obj) (test: LiveTest) = test.Publish(topic, message)

    /// Moves the clock on by `time`; timers fire as they fall due.
    let advance (time: TimeSpan) (test: LiveTest) = test.Advance time

    /// The live page's state.
    let state<'S> (test: LiveTest) : 'S = test.StateAs<'S>()

    /// The text of the element `selector` finds.
    let text (selector: string) (test: LiveTest) = test.Text selector

    /// The attribute `name` of the element `selector` finds, if it has it.
    let attribute (selector: string) (name: string) (test: LiveTest) =
        test.Attribute(selector, name) |> Option.ofObj

    /// The value of the field `selector` finds.
    let value (selector: string) (test: LiveTest) = test.Value selector

    /// How many elements `selector` finds.
    let count (selector: string) (test: LiveTest) = test.Count selector

    /// True when `selector` finds an element.
    let has (selector: string) (test: LiveTest) = test.Has selector

    /// The HTML inside `#main`, as the client shows it.
    let html (test: LiveTest) = test.Html

    /// The document's title.
    let title (test: LiveTest) = test.Title

    /// The page's URL.
    let url (test: LiveTest) = test.Url

    /// The notifications shown.
    let toasts (test: LiveTest) = List.ofSeq test.Toasts

    /// The addresses of the tabs the page opened (links with `target="_blank"`).
    let openedTabs (test: LiveTest) = List.ofSeq test.OpenedTabs

    /// Fails when a view reachable in 100 random journeys from `open' ()` binds an event to a page or handler that
    /// does not exist (`Wiring.Check`).
    let checkWiring (open': unit -> LiveTest) = Wiring.Check(Func<LiveTest> open')
