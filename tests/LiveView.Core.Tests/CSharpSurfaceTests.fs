module LiveView.Core.Tests.CSharpSurfaceTests

open System
open System.Threading.Tasks
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.CSharp
open LiveView.Core.Tests.Support

let private ctx = Context.action 0 (actionFor "home" "go")

// Protects what C# code relies on: Reply's implicit conversions, Reply.With/Perform/Attempt, Patch's static
// members, and the H builder with its attribute extension methods.
[<Tests>]
let tests =
    testList
        "C# surface"
        [
            testCase "Reply op_Implicit from a state"
            <| fun () ->
                let reply = Reply<int>.op_Implicit 3
                Expect.equal reply.State 3 "state"
                Expect.isEmpty reply.Patches "no patches"
                Expect.isEmpty reply.Effects "no effects"

            testCase "Reply op_Implicit from (state, patch)"
            <| fun () ->
                let reply = Reply<int>.op_Implicit(struct (3, Patch.Html("#a", "x")))
                Expect.equal reply.State 3 "state"
                Expect.equal reply.Patches [ Swap("#a", [ str "x" ], false) ] "one patch"
                Expect.isEmpty reply.Effects "no effects"

            testCase "Reply op_Implicit from (state, patch array)"
            <| fun () ->
                let reply =
                    Reply<string>.op_Implicit(struct ("s", [| Patch.Html("#a", "x"); Patch.Title "t" |]))

                Expect.equal reply.State "s" "state"
                Expect.equal reply.Patches [ Swap("#a", [ str "x" ], false); SetTitle "t" ] "both patches, in order"
                Expect.isEmpty reply.Effects "no effects"

            testCase "Reply.With"
            <| fun () ->
                let reply = LiveView.CSharp.Reply.With(4, Patch.Remove "#a", Patch.Url "/b")
                Expect.equal reply.State 4 "state"
                Expect.equal reply.Patches [ Delete "#a"; PushUrl "/b" ] "patches"

            testCase "Perform adds an effect whose result folds through `then`"
            <| fun () ->
                let reply =
                    LiveView.CSharp.Reply
                        .With(1)
                        .Perform(
                            "load",
                            Func<EffectContext, Task<int>>(fun _ -> Task.FromResult 41),
                            Func<int, int, ActionContext, Reply<int>>(fun s r _ -> Reply.state (s + r))
                        )

                Expect.equal (reply.Effects |> List.map _.Name) [ "load" ] "one effect"
                Expect.equal ((runEffect reply.Effects.Head) 1 ctx).State 42 "then(state, result)"

            testCase "Attempt folds a failure through onError"
            <| fun () ->
                let reply =
                    LiveView.CSharp.Reply
                        .With("s")
                        .Attempt(
                            "load",
                            Func<EffectContext, Task<int>>(fun _ -> Task.FromException<int>(TimeoutException "slow")),
                            Func<string, int, ActionContext, Reply<string>>(fun _ _ _ -> failtest "then must not run"),
                            Func<string, exn, ActionContext, Reply<string>>(fun s ex _ ->
                                Reply.state $"{s}: {ex.Message}")
                        )

                Expect.equal ((runEffect reply.Effects.Head) "s" ctx).State "s: slow" "onError(state, exception)"

            testCase "Patch static members build the union cases"
            <| fun () ->
                Expect.equal
                    (Patch.Html("#a", H.Strong("x").Node, H.Em("y").Node))
                    (Swap("#a", [ H.Strong("x").Node; H.Em("y").Node ], false))
                    "Html"

                Expect.equal (Patch.Append("#a", H.Li("x").Node)) (Swap("#a", [ H.Li("x").Node ], true)) "Append"
                Expect.equal (Patch.Remove "#a") (Delete "#a") "Remove"
                Expect.equal (Patch.ScrollTo "#a") (ScrollInto "#a") "ScrollTo"
                Expect.equal Patch.ScrollTop ScrollToTop "ScrollTop"
                Expect.equal (Patch.Url "/x") (PushUrl "/x") "Url"
                Expect.equal (Patch.Title "t") (SetTitle "t") "Title"

            testCase "H builds the same nodes as Giraffe.ViewEngine"
            <| fun () ->
                Expect.equal
                    (render (H.Div(H.H2("Hi").Id("title").Node, H.Button("Go").Action("click->home#go").Node).Node))
                    (render (
                        div
                            []
                            [
                                h2 [ _id "title" ] [ str "Hi" ]
                                button [ attr "data-action" "click->home#go" ] [ str "Go" ]
                            ]
                    ))
                    "same HTML"

                Expect.equal
                    (render (H.Input().Type("text").Name("q").Flag("disabled").Node))
                    "<input type=\"text\" name=\"q\" disabled>"
                    "void element"

            testCase "setting an attribute again replaces it"
            <| fun () ->
                Expect.equal
                    (render (H.Span().Id("a").Class("c").Id("b").Node))
                    "<span class=\"c\" id=\"b\"></span>"
                    "one id"

            testCase "Data prefixes data-, Href and Value set their attribute"
            <| fun () ->
                Expect.equal
                    (render (H.A("x").Href("/p").Data("postId", "7").Value("v").Node))
                    "<a href=\"/p\" data-postId=\"7\" value=\"v\">x</a>"
                    "attributes in order"

            testCase "a text node cannot take attributes"
            <| fun () -> Expect.throwsT<ArgumentException> (fun () -> H.Text("x").Id("a") |> ignore) "ArgumentException"

            testPropertyWithConfig
                manyCases
                "an Element and the node extensions set attributes in order, each name once (the last set, last), and an Element is a value: what is set on it leaves it as it was"
            <| fun () ->
                let set =
                    Gen.zip
                        (Gen.elements [ "id"; "class"; "title"; "data-a"; "data-b"; "href"; "value" ])
                        (Gen.elements [ "x"; "y"; "a<b"; "" ])

                let sets = Gen.listOf set

                Prop.forAll (Arb.fromGen (Gen.zip (Gen.elements [ true; false ]) (Gen.zip sets (Gen.zip sets sets))))
                <| fun (isVoid, (common, (left, right))) ->
                    // The model: a name set again leaves its place and goes last; Giraffe's `attr` encodes the value.
                    let expected sets =
                        let attributes =
                            sets
                            |> List.fold
                                (fun kept (name, value) ->
                                    (kept |> List.filter (fun (n, _) -> n <> name)) @ [ name, value ])
                                []
                            |> List.map (fun (name, value) -> attr name value)

                        if isVoid then
                            input attributes
                        else
                            span attributes [ str "t" ]

                    let onElement (element: Element) =
                        List.fold (fun (element: Element) (name, value) -> element.Attr(name, value)) element

                    let onNode (node: XmlNode) =
                        List.fold (fun node (name, value) -> NodeExtensions.Attr(node, name, value)) node

                    let element, node =
                        if isVoid then
                            H.Input(), input []
                        else
                            H.Span("t"), span [] [ str "t" ]

                    let start = onElement element common
                    // Two elements made from the same one: each has its own attributes, and the first is unchanged.
                    let lefts = onElement start left
                    let rights = onElement start right
                    Expect.equal start.Node (expected common) "the element set on"
                    Expect.equal lefts.Node (expected (common @ left)) "one made from it"
                    Expect.equal rights.Node (expected (common @ right)) "another made from it"
                    Expect.equal (onNode node (common @ left)) (expected (common @ left)) "a node's extensions"

            testCase "an Element never made says so"
            <| fun () ->
                Expect.throwsT<InvalidOperationException>
                    (fun () -> Unchecked.defaultof<Element>.Node |> ignore)
                    "default(Element)"
        ]
