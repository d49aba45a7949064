module LiveView.Core.Tests.PageConstructionTests

open System
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.CSharp
open LiveView.Core.Tests.Support

let private view (n: int) = div [] [ str (string n) ]

let private inc (n: int) =
    Reply.ok (n + 1) [ Patch.text "#n" (string (n + 1)) ]

let private badNames =
    [ "bad name"; ""; "a->b"; "é"; String('x', 65); Unchecked.defaultof<string> ]

let private throwsArgument what (build: unit -> 'T) =
    Expect.throwsT<ArgumentException> (build >> ignore) what

/// The F# page and its C#-built twin.
let private fsPage =
    Page.create "counter" (fun _ -> 0) view
    |> Page.on "inc" (fun n _ -> inc n)
    |> Page.withTitle (fun n -> $"Count {n}")

let private csPage =
    LivePage
        .Create("counter", Func<MountContext, int>(fun _ -> 0), Func<int, XmlNode>(view))
        .On("inc", Func<int, ActionContext, Reply<int>>(fun n _ -> inc n))
        .WithTitle(Func<int, string>(fun n -> $"Count {n}"))

let private sameBehaviour (expected: Page<int>) (actual: Page<int>) =
    let actions = [ "inc"; "inc"; "nope"; "inc" ] |> List.map (actionFor "counter")
    Expect.equal actual.Name expected.Name "same name"
    Expect.equal (actual.Handlers.Keys |> List.ofSeq) (expected.Handlers.Keys |> List.ofSeq) "same handlers"
    Expect.equal (actual.Init(Context.mount "" 0)) (expected.Init(Context.mount "" 0)) "same initial state"
    let state, patches, errors = Page.run actual actions
    let state', patches', errors' = Page.run expected actions
    Expect.equal (state, patches, errors) (state', patches', errors') "same fold"

    for n in [ 0; 3 ] do
        Expect.equal (actual.Title n) (expected.Title n) "same title"
        Expect.equal (render (actual.View n)) (render (expected.View n)) "same view"

// Protects page definition: bad names fail when the page is defined (not at run time); the C# facade builds the
// same pages as the F# functions.
[<Tests>]
let tests =
    testList
        "Page construction"
        [
            testCase "Page.create rejects invalid page names"
            <| fun () ->
                for name in badNames do
                    throwsArgument $"page name %A{name}" (fun () -> Page.create name (fun _ -> 0) view)

            testCase "Page.on rejects invalid handler names"
            <| fun () ->
                let page = Page.create "ok" (fun _ -> 0) view

                for name in badNames do
                    throwsArgument $"Page.on %A{name}" (fun () -> page |> Page.on name (fun n _ -> Reply.state n))

            testCase "Page.create titles the page with its name until withTitle"
            <| fun () ->
                let page = Page.create "home" (fun _ -> 0) view
                Expect.equal (page.Title 0) "home" "default title"
                Expect.equal ((page |> Page.withTitle (fun n -> $"Home ({n})")).Title 2) "Home (2)" "withTitle"

            testCase "Page.on replaces a handler of the same name"
            <| fun () ->
                let page = fsPage |> Page.on "inc" (fun n _ -> Reply.state (n + 10))
                let state, _, _ = Page.run page [ actionFor "counter" "inc" ]
                Expect.equal state 10 "the second definition wins"

            testCase "LivePage.Create(init).On(...).WithTitle(Func) builds the same page"
            <| fun () -> sameBehaviour fsPage csPage

            testCase "LivePage.Create(initial value) and WithTitle(string)"
            <| fun () ->
                let page =
                    LivePage
                        .Create("counter", 0, Func<int, XmlNode>(view))
                        .On("inc", Func<int, ActionContext, Reply<int>>(fun n _ -> inc n))
                        .WithTitle("Counter")

                sameBehaviour (fsPage |> Page.withTitle (fun _ -> "Counter")) page

            testCase "the C# facade rejects invalid names too"
            <| fun () ->
                for name in badNames do
                    throwsArgument $"LivePage.Create %A{name}" (fun () ->
                        LivePage.Create(name, 0, Func<int, XmlNode>(view)))

                    throwsArgument $"On %A{name}" (fun () ->
                        csPage.On(name, Func<int, ActionContext, Reply<int>>(fun n _ -> Reply.state n)))
        ]
