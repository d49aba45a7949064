module LiveView.Core.Tests.BindingTests

open System
open Expecto
open Giraffe.ViewEngine
open LiveView

/// C# handlers are methods.
type private Methods =
    static member Search(n: int, _: ActionContext) = Reply.state n
    static member SendNow(n: int, _: ActionContext) = Reply.state n

let private methodOf name =
    Delegate.CreateDelegate(
        typeof<Func<int, ActionContext, Reply<int>>>,
        nonNull (
            typeof<Methods>
                .GetMethod(
                    name,
                    Reflection.BindingFlags.Static
                    ||| Reflection.BindingFlags.Public
                    ||| Reflection.BindingFlags.NonPublic
                )
        )
    )

let private increment =
    Handler.named "increment" (fun (n: int) _ -> Reply.state (n + 1))

let private resetCount =
    Handler.named "reset_count" (fun (_: int) _ -> Reply.state 0)

/// A counter whose view binds its buttons to its handlers, registered or not.
let private counter (register: Page<int> -> Page<int>) =
    Page.create "counter" (fun _ -> 0) (fun n ->
        div
            []
            [
                button [ Live.on "click" increment ] [ str "+" ]
                button [ Live.on "click" resetCount ] [ str "0" ]
                output [ _id "n" ] [ str (string n) ]
            ])
    |> register

// Protects handlers bound to views without strings: the name in one place, an unregistered handler a failure.
[<Tests>]
let tests =
    testList
        "Bindings"
        [
            testCase "a view binds to its page's handlers by value: the page's name, the handler's in camel case"
            <| fun () ->
                let page = counter (Page.handle increment >> Page.handle resetCount)

                let state, patches, errors =
                    Page.run page [ ClientAction.named "counter->increment" ]

                Expect.equal state 1 "the handler ran"
                Expect.isEmpty errors "no error"

                let html =
                    patches
                    |> List.choose (function
                        | Changes update -> Some(ViewHtml.ofNodes update.After)
                        | _ -> None)
                    |> List.exactlyOne

                Expect.stringContains html """data-action="click-&gt;counter#increment">+""" "bound to increment"
                Expect.stringContains html """data-action="click-&gt;counter#resetCount">0""" "camel case, as Stimulus"

            testCase "a view that binds to a handler its page has not registered fails to mount, naming it"
            <| fun () ->
                let page = counter (Page.handle increment)

                let error =
                    try
                        Page.run page [] |> ignore
                        failtest "mounted"
                    with :? InvalidOperationException as error ->
                        error

                Expect.stringContains
                    error.Message
                    "The page 'counter' binds 'click' to 'reset_count', which is not one of its handlers"
                    "names the handler"

            testCase "an element binds several events, from F# and from C#, each to a handler of its page"
            <| fun () ->
                let mutable rendered = []

                let page =
                    Page.create "search" (fun _ -> 0) (fun _ ->
                        let csharp =
                            LiveView.CSharp.H
                                .Form()
                                .On("input", methodOf "Search")
                                .On("submit", methodOf "SendNow")
                                .Node

                        // A node that is not an `Element` (F#'s) takes the same methods, as extensions.
                        let node =
                            LiveView.CSharp.NodeExtensions.On(
                                LiveView.CSharp.NodeExtensions.On(form [] [], "input", methodOf "Search"),
                                "submit",
                                methodOf "SendNow"
                            )

                        let fsharp = div [ Live.onEach [ "click", increment; "dblclick", resetCount ] ] []

                        rendered <- [ csharp; node; fsharp ] |> List.map RenderView.AsString.htmlNode

                        div [] [ csharp; node; fsharp ])
                    |> Page.handle increment
                    |> Page.handle resetCount
                    |> Page.on "search" (fun n _ -> Reply.state n)
                    |> Page.on "send_now" (fun n _ -> Reply.state n)

                Page.run page [] |> ignore

                Expect.equal
                    rendered
                    [
                        """<form data-action="input-&gt;search#search submit-&gt;search#sendNow"></form>"""
                        """<form data-action="input-&gt;search#search submit-&gt;search#sendNow"></form>"""
                        """<div data-action="click-&gt;search#increment dblclick-&gt;search#resetCount"></div>"""
                    ]
                    "both bindings, in order"

            testCase "Live's attributes, from F# and C#, are what the runtime and the client read"
            <| fun () ->
                let fsharp = div [ Live.ignore; Live.hook "Chart"; Live.key "k" ] [ str "x" ]

                let csharp = LiveView.CSharp.H.Div("x").Ignore().Hook("Chart").Key("k").Node

                let extended =
                    LiveView.CSharp.NodeExtensions.Key(
                        LiveView.CSharp.NodeExtensions.Hook(
                            LiveView.CSharp.NodeExtensions.Ignore(div [] [ str "x" ]),
                            "Chart"
                        ),
                        "k"
                    )

                for node in [ fsharp; csharp; extended ] do
                    match ViewTree.ofView [ node ] with
                    | [ ViewNode.Element("div", attributes, ViewContent.Ignored _) as element ] ->
                        Expect.contains attributes ("data-liveview-hook", "Chart") "the hook the client looks up"
                        Expect.equal (ViewTree.keyOf element) (ValueSome "k") "the key the diff matches by"
                    | other -> failtestf "not an ignored element: %A" other

                let streams =
                    [
                        ul [ _id "s"; Live.stream ] []
                        LiveView.CSharp.H.Ul().Id("s").Stream().Node
                        LiveView.CSharp.NodeExtensions.Stream(LiveView.CSharp.NodeExtensions.Id(ul [] [], "s"))
                    ]

                for node in streams do
                    match ViewTree.ofView [ node ] with
                    | [ ViewNode.Element("ul", _, ViewContent.Ignored _) ] -> ()
                    | other -> failtestf "not a stream's container: %A" other

            testCase "a binding written outside a page's code says where bindings work"
            <| fun () ->
                Expect.throwsT<InvalidOperationException> (fun () -> Live.on "click" increment |> ignore) "no page runs"

            testCase "a C# method's handler name is its name in snake case; a lambda's is refused"
            <| fun () ->
                Expect.equal (Handler.nameOf "RandomNumber") "random_number" "two words"
                Expect.equal (Handler.nameOf "Increment") "increment" "one word"
                Expect.equal (Handler.nameOf "LoadHTML") "load_html" "an acronym"
                Expect.equal (Handler.nameOf "HTMLToText") "html_to_text" "an acronym first"
                Expect.throwsT<ArgumentException> (fun () -> Handler.nameOf "<View>b__0_0" |> ignore) "a lambda"
        ]
