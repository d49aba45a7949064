/// The harness's own failures: each names the step and says what is wrong.
module LiveView.Testing.Tests.ErrorTests

open System
open System.Threading.Tasks
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.Testing

/// A page with a little of everything that can go wrong.
let private broken =
    Page.create "broken" (fun _ -> 0) (fun n ->
        div
            []
            [
                h1 [] [ str "Broken" ]
                output [ _id "n" ] [ str (string n) ]
                button [ _id "typo"; attr "data-action" "click->broken#incremnt" ] [ str "+" ]
                button [ _id "throws"; attr "data-action" "click->broken#explode" ] [ str "!" ]
                button [ _id "slow"; attr "data-action" "click->broken#load" ] [ str "load" ]
                button [ _id "unreadable"; attr "data-action" "click->broken" ] [ str "?" ]
                button [ _id "dash"; attr "data-action" "click-broken#explode" ] [ str "-" ]
                button [ _id "clik"; attr "data-action" "clik->broken#explode:prevnt" ] [ str "c" ]
                button [ _id "prevnt"; attr "data-action" "click->broken#explode:prevnt" ] [ str "p" ]
                button [ _id "off"; _disabled; attr "data-action" "click->broken#explode" ] [ str "off" ]
                a [ _id "lang"; _href "?culture=es"; attr "data-action" "page#changeLanguage" ] [ str "es" ]
            ])
    |> Page.on "explode" (fun _ _ -> invalidOp "the handler blew up")
    |> Page.on "load" (fun n _ ->
        Reply.state n
        |> Reply.withEffect (
            Effect.perform
                "load"
                (fun _ -> Task.FromException<int>(TimeoutException "the database is away"))
                (fun m n _ -> Reply.state (n + m))
        ))

let private fails (act: unit -> 'T) (expected: string list) =
    let message =
        try
            act () |> ignore
            ""
        with :? LiveTestException as e ->
            e.Message

    Expect.isNotEmpty message "the step fails"

    for part in expected do
        Expect.stringContains message part "the message says"

[<Tests>]
let tests =
    testList
        "LiveTest errors"
        [
            testCase "an element that does not exist"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#missing")
                    [ "Clicking '#missing'"; "no element matches '#missing'" ]

            testCase "an element nothing happens on"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "h1")
                    [ "Clicking 'h1'"; "nothing happens"; "<h1>Broken</h1>" ]

            testCase "a disabled element"
            <| fun () -> fails (fun () -> (LiveTest.Mount broken).Click "#off") [ "Clicking '#off'"; "is disabled" ]

            testCase "a binding to a handler the page lacks"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#typo")
                    [
                        "Clicking '#typo'"
                        "the page reported an error"
                        "has no handler 'incremnt'"
                    ]

            testCase "a data-action that cannot be read"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#unreadable")
                    [ "Clicking '#unreadable'"; "malformed data-action \"click->broken\"" ]

            testCase "a data-action with '-' where '->' was meant is malformed, and says what to write"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#dash")
                    [
                        "Clicking '#dash'"
                        "malformed data-action \"click-broken#explode\": write \"click->broken#explode\""
                    ]

            testCase "a data-action naming an event or a modifier the client does not know is malformed"
            <| fun () ->
                let problems = Wiring.ProblemsOn(LiveTest.Mount broken)
                let token = "malformed data-action \"clik->broken#explode:prevnt\""
                Expect.contains problems $"#clik: {token}: \"clik\" is not an event LiveView listens to" "the event"
                let modifier = "malformed data-action \"click->broken#explode:prevnt\""

                Expect.contains
                    problems
                    $"#prevnt: {modifier}: \":prevnt\" is not a modifier (:prevent, :stop)"
                    "the modifier"

            testCase "a language switch that names no language"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#lang")
                    [ "Clicking '#lang'"; "page#changeLanguage on a has no data-lang" ]

            testCase "a handler that throws"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#throws")
                    [ "Clicking '#throws'"; "InvalidOperationException: the handler blew up" ]

            testCase "an effect that fails"
            <| fun () ->
                fails
                    (fun () -> (LiveTest.Mount broken).Click "#slow")
                    [ "Clicking '#slow'"; "TimeoutException: the database is away" ]

            testCase "with FailOnError off, the errors are read, and the client shows them"
            <| fun () ->
                let page = LiveTest.Mount(broken, LiveTestOptions(FailOnError = false))
                page.Click("#typo").Click("#throws") |> ignore
                Expect.equal page.Errors.Count 2 "two errors"
                Expect.equal (page.Toasts |> Seq.filter (fun t -> t.Kind = "error") |> Seq.length) 2 "two error toasts"
                Expect.equal (page.Text "#n") "0" "the state is unchanged"

            testCase "the wiring check names the binding to a handler that does not exist"
            <| fun () ->
                let problems = Wiring.Problems((fun () -> LiveTest.Mount broken), 5, 5)

                Expect.exists
                    problems
                    (fun p ->
                        p.Contains
                            "#typo: click sends broken->incremnt, and the page 'broken' has no handler 'incremnt'")
                    "the typo"

                Expect.exists
                    problems
                    (fun p -> p.Contains "#unreadable: malformed data-action \"click->broken\"")
                    "the unreadable"

                Expect.throwsT<LiveTestException>
                    (fun () -> LiveTest.checkWiring (fun () -> LiveTest.Mount broken))
                    "check fails"

            testCase "the TODO page's wiring is sound"
            <| fun () -> LiveTest.checkWiring (fun () -> LiveTest.Mount TodoPage.page)

            testCase "a URL that is not the page's route"
            <| fun () ->
                fails
                    (fun () -> LiveTest.Mount(broken, LiveTestOptions(Url = "/rooms/lobby", Route = "/items/{id}")))
                    [ "Opening /rooms/lobby"; "does not match the page's route '/items/{id}'" ]
        ]

/// A page whose loading never ends: at its mount, or when asked.
let private never name =
    Effect.perform name (fun _ -> TaskCompletionSource<int>().Task) (fun _ n _ -> Reply.state n)

let private stuck =
    Page.create "stuck" (fun _ -> 0) (fun _ ->
        button [ _id "wait"; attr "data-action" "click->stuck#wait" ] [ str "wait" ])
    |> Page.on "wait" (fun n _ -> Reply.state n |> Reply.withEffect (never "forever"))

[<Tests>]
let endless =
    testList
        "LiveTest effects that never end"
        [
            testCase "an effect that never ends fails the step that ran it, naming the effect"
            <| fun () ->
                let options = LiveTestOptions(EffectTimeout = TimeSpan.FromMilliseconds 200.0)

                fails
                    (fun () -> (LiveTest.Mount(stuck, options)).Click "#wait")
                    [
                        "Clicking '#wait'"
                        "the effect 'forever' did not end within 0.2 s"
                        "EffectTimeout"
                    ]

            testCase "a view bound to a handler its page has not registered fails the opening, naming the handler"
            <| fun () ->
                let go = Handler.named "go" (fun n _ -> Reply.state n)

                let page =
                    Page.create "unwired" (fun _ -> 0) (fun _ -> button [ Live.on "click" go ] [ str "go" ])

                fails
                    (fun () -> LiveTest.Mount page)
                    [
                        "the page 'unwired' could not be mounted"
                        "binds 'click' to 'go', which is not one of its handlers"
                    ]

            testCase "a mount effect that never ends fails the opening, naming the effect"
            <| fun () ->
                let page =
                    stuck
                    |> Page.onMount (fun n _ -> Reply.state n |> Reply.withEffect (never "endless mount"))

                let options =
                    LiveTestOptions(Url = "/stuck", EffectTimeout = TimeSpan.FromMilliseconds 200.0)

                fails
                    (fun () -> LiveTest.Mount(page, options))
                    [ "Opening /stuck"; "the effect 'endless mount' did not end within 0.2 s" ]
        ]

/// A page that loads a number, to see effects held, supplied and failed.
let private loader =
    Page.create "loader" (fun _ -> "idle") (fun s -> p [ _id "s" ] [ str s ])
    |> Page.on "load" (fun _ _ ->
        Reply.state "loading"
        |> Reply.withEffect (
            Effect.perform "load" (fun _ -> Task.FromResult 7) (fun n _ _ -> Reply.state $"loaded {n}")
        ))
    |> fun page ->
        { page with
            View =
                fun s ->
                    div
                        []
                        [
                            p [ _id "s" ] [ str s ]
                            button [ _id "load"; attr "data-action" "click->loader#load" ] [ str "load" ]
                        ]
        }

[<Tests>]
let effects =
    testList
        "LiveTest effects"
        [
            testCase "held effects wait; the test runs them, supplies their result, or fails them"
            <| fun () ->
                let held () =
                    LiveTest.Mount(loader, LiveTestOptions(Effects = EffectMode.Hold, FailOnError = false)).Click
                        "#load"

                let page = held ()
                Expect.equal (page.Text "#s") "loading" "while it loads"
                Expect.equal [ for e in page.PendingEffects -> e.Name ] [ "load" ] "pending"
                Expect.equal ((page.RunEffects()).Text "#s") "loaded 7" "run"
                Expect.equal ((held ()).CompleteEffect("load", 42).Text "#s") "loaded 42" "supplied"
                Expect.equal ((held ()).FailEffect("load", exn "down").Errors.Count) 1 "failed"

            testCase "a result of the wrong type is refused, naming both types"
            <| fun () ->
                let page =
                    LiveTest.Mount(loader, LiveTestOptions(Effects = EffectMode.Hold)).Click "#load"

                fails
                    (fun () -> page.CompleteEffect("load", "seven"))
                    [ "Completing the effect 'load'"; "yields Int32, not String" ]
        ]
