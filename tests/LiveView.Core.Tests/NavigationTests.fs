module LiveView.Core.Tests.NavigationTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// A page whose view, title and meta all show its state, so that the patches can be checked against it.
let private page =
    Page.create "doc" (fun _ -> "") (fun s -> p [] [ str s ])
    |> Page.withTitle (fun s -> "Title " + s)
    |> Page.withMeta (fun s -> if s = "" then [] else [ "description", s; "og:title", s ])

let private genValue =
    genAnyString |> Gen.filter (fun s -> not (hasLoneSurrogate s))

/// Values that a URL cannot carry as a path segment: a browser resolves `.` and `..`, and an empty one leaves `/blog/`.
let private unfit = [ "."; ".."; "" ]

/// Any route value, often one of the unfit ones.
let private genRouteValue = Gen.frequency [ 3, genValue; 1, Gen.elements unfit ]

/// The path of `url` as a browser (or .NET's Uri, which also resolves dot segments) reads it.
let private resolvedPath (url: string) = Uri("http://h" + url).AbsolutePath

/// Expects a URL that a browser keeps as it is (no dot segment resolved away), and returns it.
let private browsable (result: Result<string, string>) =
    match result with
    | Error e -> failtestf "no URL: %s" e
    | Ok url ->
        Expect.equal (resolvedPath url) url "the browser's path is the URL itself"
        url

/// Expects an `Error` that names `parameter`.
let private expectErrorNaming parameter result =
    match result with
    | Error(message: string) -> Expect.stringContains message $"'{parameter}'" "the error names the parameter"
    | Ok url -> failtestf "got the URL %s" url

// Protects what a navigation sends (one #main swap, the URL, the title, the meta) and the URLs of routes.
[<Tests>]
let tests =
    testList
        "Navigation"
        [
            testProperty "patches show the view in #main, push the URL, set the title and the meta, in that order"
            <| Prop.forAll (Arb.fromGen (Gen.zip3 genValue genValue genValue)) (fun (state, url, title) ->
                let expected =
                    [
                        Swap("#main", [ page.View state ], false)
                        PushUrl url
                        SetTitle title
                        if state <> "" then
                            SetMeta [ "description", state; "og:title", state ]
                    ]

                Expect.equal
                    (Navigation.patches (page.View state) (page.Meta state) url title)
                    expected
                    "the navigation patches")

            testProperty
                "a route's URL is the path a browser goes to, each value decoded in its segment; '.', '..' and empty are errors"
            <| Prop.forAll (Arb.fromGen (Gen.zip genRouteValue genRouteValue)) (fun (slug, id) ->
                let result =
                    Navigation.url "/blog/{slug}/comments/{id:int}" (Map [ "slug", slug; "id", id ])

                if List.contains slug unfit then
                    expectErrorNaming "slug" result
                elif List.contains id unfit then
                    expectErrorNaming "id" result
                else
                    let parts = (browsable result).Split('/')
                    Expect.equal parts.Length 5 "a slash in a value stays encoded, so the segments stay put"
                    Expect.equal (Uri.UnescapeDataString parts[2]) slug "the slug"
                    Expect.equal (Uri.UnescapeDataString parts[4]) id "the id")

            testProperty "a catch-all's URL is the path a browser goes to; a '.' or '..' segment in it is an error"
            <| Prop.forAll (Arb.fromGen (Gen.listOf genRouteValue |> Gen.map (String.concat "/"))) (fun path ->
                let result = Navigation.url "/docs/{*path}" (Map [ "path", path ])

                if path.Split('/') |> Array.exists (fun segment -> segment = "." || segment = "..") then
                    expectErrorNaming "path" result
                else
                    let url = browsable result
                    Expect.equal (Uri.UnescapeDataString(url.Substring "/docs/".Length)) path "the path")

            testCase "an optional parameter's empty value drops its segment"
            <| fun () ->
                Expect.equal (Navigation.url "/list/{page?}" (Map [ "page", "" ])) (Ok "/list") "optional, empty"

            testCase "optional and catch-all parameters"
            <| fun () ->
                Expect.equal (Navigation.url "/list/{page?}" Map.empty) (Ok "/list") "optional, missing"
                Expect.equal (Navigation.url "/list/{page?}" (Map [ "page", "2" ])) (Ok "/list/2") "optional, given"
                Expect.equal (Navigation.url "/docs/{*path}" (Map [ "path", "a b/c" ])) (Ok "/docs/a%20b/c") "catch-all"
                Expect.equal (Navigation.url "/" Map.empty) (Ok "/") "the root"
                Expect.equal (Navigation.url "/about" (Map [ "extra", "x" ])) (Ok "/about") "unused values"

            testCase "a missing required parameter is an error naming it"
            <| fun () ->
                match Navigation.url "/blog/{slug}" Map.empty with
                | Error message -> Expect.stringContains message "'slug'" "names the parameter"
                | Ok url -> failtestf "got %s" url

            testProperty "the title of a layout's document is found, decoded"
            <| Prop.forAll (Arb.fromGen genValue) (fun title ->
                let document =
                    html
                        []
                        [
                            head
                                []
                                [
                                    meta [ _charset "utf-8" ]
                                    Giraffe.ViewEngine.HtmlElements.title [] [ str title ]
                                ]
                            body [] []
                        ]

                Expect.equal (Navigation.titleOf document) (Some title) "the title")

            testCase "a document without a title has none"
            <| fun () -> Expect.equal (Navigation.titleOf (html [] [ body [] [] ])) None "no title"

            testCase "of a page's routes, navigation takes the one its values fill best, the first mapped on a tie"
            <| fun () ->
                let routes = [ "/blog"; "/blog/{tag}"; "/blog/{tag}/{page}" ]
                Expect.equal (Navigation.urlAmong routes Map.empty) (Ok "/blog") "no values"
                Expect.equal (Navigation.urlAmong routes (Map [ "tag", "f#" ])) (Ok "/blog/f%23") "a tag"

                Expect.equal
                    (Navigation.urlAmong routes (Map [ "tag", "x"; "page", "2" ]))
                    (Ok "/blog/x/2")
                    "a tag and a page"

                Expect.equal
                    (Navigation.urlAmong routes (Map [ "page", "2" ]))
                    (Ok "/blog")
                    "a page alone fills no more"

                Expect.equal (Navigation.urlAmong [ "/"; "/home" ] Map.empty) (Ok "/") "the first on a tie"

                Expect.isError (Navigation.urlAmong [ "/posts/{slug}" ] Map.empty) "none filled"
                Expect.isError (Navigation.urlAmong [] Map.empty) "not mapped"

            testProperty "with one route, navigation's URL is that route's"
            <| Prop.forAll (Arb.fromGen (Gen.zip genRouteValue genRouteValue)) (fun (slug, id) ->
                let template = "/blog/{slug}/{id?}"
                let values = Map [ "slug", slug; "id", id ]
                Expect.equal (Navigation.urlAmong [ template ] values) (Navigation.url template values) "the same")
        ]
