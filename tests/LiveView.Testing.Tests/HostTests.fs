/// What the harness does as the host and the browser client do: effects in DI scopes, titles in the layout's shape,
/// the menu's active link after a navigation.
module LiveView.Testing.Tests.HostTests

open System
open System.Threading.Tasks
open Expecto
open Giraffe.ViewEngine
open Microsoft.Extensions.DependencyInjection
open LiveView
open LiveView.Testing

/// Services that make scopes: the `string` service names where it comes from ("root", "scope 1"...).
type private Scopes() =
    let mutable made = 0
    let mutable disposed = 0
    let mutable fromRoot = 0

    member _.Made = made
    member _.Disposed = disposed
    member _.FromRoot = fromRoot

    interface IServiceProvider with
        member this.GetService kind =
            if kind = typeof<IServiceScopeFactory> then
                box this
            elif kind = typeof<string> then
                fromRoot <- fromRoot + 1
                box "root"
            else
                null

    interface IServiceScopeFactory with
        member _.CreateScope() =
            made <- made + 1
            let name = $"scope {made}"

            { new IServiceScope with
                member _.ServiceProvider =
                    { new IServiceProvider with
                        member _.GetService kind =
                            if kind = typeof<string> then box name else null
                    }

                member _.Dispose() = disposed <- disposed + 1
            }

/// Where an effect got its `string` service.
let private lookUp name =
    Effect.perform name (fun fx -> Task.FromResult(string (fx.Services.GetService typeof<string>))) (fun found seen _ ->
        Reply.state (seen @ [ found ]))

/// A page whose mount and `look` button ask the services for their `string`, and list the answers.
let private scoped =
    Page.create "scoped" (fun _ -> []) (fun (seen: string list) ->
        div
            []
            [
                button [ _id "look"; attr "data-action" "click->scoped#look" ] []
                ul [] [ for s in seen -> li [] [ str s ] ]
            ])
    |> Page.onMount (fun seen _ -> Reply.state seen |> Reply.withEffect (lookUp "on_mount"))
    |> Page.on "look" (fun seen _ -> Reply.state seen |> Reply.withEffect (lookUp "look"))

/// A site's layout: a menu of links to pages `a`, `b` and `c`, and the page's title before the site's name.
let private layout (context: LayoutContext) =
    html
        [ attr "lang" context.Lang ]
        [
            head [] [ title [] [ str (context.Title + " · Site") ] ]
            body
                []
                [
                    nav
                        []
                        [
                            for page in [ "a"; "b"; "c" ] ->
                                a
                                    [
                                        _id $"to-{page}"
                                        _href $"/{page}"
                                        attr "data-action" "page#changePage"
                                        attr "data-page" page
                                        if page = context.Page then
                                            _class "active"
                                    ]
                                    [ str page ]
                        ]
                    main [ _id "main" ] [ context.Content ]
                ]
        ]

/// Page `name`, whose title counts the clicks on its button.
let private counted name =
    Page.create name (fun _ -> 0) (fun n ->
        button [ _id "more"; attr "data-action" $"click->{name}#more" ] [ str (string n) ])
    |> Page.withTitle (fun n -> $"{name} {n}")
    |> Page.on "more" (fun n _ -> Reply.state (n + 1))

let private inLayout () =
    LiveTestOptions(Url = "/a", Layout = Func<_, _> layout).AddPage("/b", counted "b")

[<Tests>]
let tests =
    testList
        "Like the host"
        [
            testCase "the first paint's effects run in a DI scope of their own, as later ones do"
            <| fun () ->
                let services = Scopes()

                let page =
                    LiveTest.Mount(scoped, LiveTestOptions(Services = services)).Click "#look"

                // The first paint's mount, the socket's, the click's.
                Expect.equal services.Made 3 "a scope for each effect"
                Expect.equal services.FromRoot 0 "none on the root"
                Expect.equal services.Disposed 3 "every scope disposed"
                Expect.equal (page.StateAs<string list>()) [ "scope 2"; "scope 3" ] "what the live page's effects got"

            testCase "with the app's layout, a title the page changes live is in the layout's shape"
            <| fun () ->
                let page = LiveTest.Mount(counted "a", inLayout ())
                Expect.equal page.Title "a 0 · Site" "the first paint"
                Expect.equal (page.Click("#more").Title) "a 1 · Site" "an action's title"
                Expect.equal (page.Click("#to-b").Title) "b 0 · Site" "a navigation's title"

            testCase "a navigation marks the links to the page it shows active, as the client does"
            <| fun () ->
                let page = LiveTest.Mount(counted "a", inLayout ())
                Expect.equal (page.Attribute("#to-a", "class")) "active" "the first paint marks the page's link"
                page.Click "#to-b" |> ignore
                Expect.equal (page.Attribute("#to-b", "class")) "active" "the new page's link"
                Expect.equal (page.Attribute("#to-b", "aria-current")) "page" "for screen readers"
                Expect.equal (page.Attribute("#to-a", "class")) "" "the old page's link is not"
                Expect.isNull (page.Attribute("#to-a", "aria-current")) "nor current"
                Expect.isNull (page.Attribute("#to-c", "class")) "a link to another page is left as it was"
        ]
