module LiveView.Core.Tests.StartupCheckTests

open Expecto
open FsCheck
open FsCheck.FSharp
open LiveView
open LiveView.Core.Tests.Support

/// Parameter names, few so that routes share some.
let private genName = Gen.elements [ "slug"; "id"; "page"; "tag" ]

/// A route template with some of those parameters, written in the ways ASP.NET Core allows.
let private genTemplate =
    gen {
        let! names = Gen.listOf genName |> Gen.map (List.distinct >> List.truncate 3)

        let! forms =
            Gen.listOfLength names.Length (Gen.elements [ "{%s}"; "{%s?}"; "{%s:int}"; "{%s=1}" ])

        let! prefix = Gen.elements [ "/posts"; "/"; "/a/b" ]

        let segments =
            List.map2 (fun (form: string) name -> form.Replace("%s", name)) forms names

        return prefix.TrimEnd('/') + "/" + String.concat "/" segments
    }

// Protects the startup errors for routes a page cannot fill, pages mapped twice alike, and a socket never mapped.
[<Tests>]
let tests =
    testList
        "StartupCheck"
        [
            testProperty "a route is refused exactly when it has a parameter the page declares not"
            <| Prop.forAll (Arb.fromGen (Gen.zip (Gen.listOf genName) genTemplate)) (fun (declared, template) ->
                let undeclared =
                    RouteTemplate.names template
                    |> List.filter (fun name -> not (List.contains name declared))

                match StartupCheck.route "post" (Some declared) [] template, undeclared with
                | None, [] -> ()
                | Some error, name :: _ ->
                    Expect.stringContains error $"'{name}'" "names the parameter"
                    Expect.stringContains error "'post'" "names the page"
                    Expect.stringContains error template "names the route"
                    Expect.stringContains error "withParams" "says how to declare it"
                | result, _ -> failtest $"{template} with {declared}: {result}")

            testProperty "a page that declares no parameters takes any route"
            <| Prop.forAll (Arb.fromGen genTemplate) (fun template ->
                Expect.isNone (StartupCheck.route "post" None [] template) "not checked")

            testProperty "a second route is refused exactly when it takes the same parameters as an earlier one"
            <| Prop.forAll (Arb.fromGen (Gen.zip (Gen.listOf genTemplate) genTemplate)) (fun (mapped, template) ->
                let same =
                    mapped
                    |> List.tryFind (fun earlier ->
                        set (RouteTemplate.names earlier) = set (RouteTemplate.names template))

                match StartupCheck.route "post" None mapped template, same with
                | None, None -> ()
                | Some error, Some earlier ->
                    Expect.stringContains error $"'{earlier}'" "names the earlier route"
                    Expect.stringContains error $"'{template}'" "names this one"
                    Expect.stringContains error "redirect" "says what to do with the other address"
                | result, _ -> failtest $"{template} after {mapped}: {result}")

            testCase "one page at '/' and '/home' is refused; at '/blog' and '/blog/{tag}' it is not"
            <| fun () ->
                Expect.isSome (StartupCheck.route "home" None [ "/" ] "/home") "the same (no) parameters"
                Expect.isNone (StartupCheck.route "blog" None [ "/blog" ] "/blog/{tag}") "other parameters"

            testProperty "pages registered without the socket mapped are an error naming them; with it, or none, fine"
            <| Prop.forAll
                (Arb.fromGen (Gen.zip (Gen.listOf genNamePart) (Gen.elements [ true; false ])))
                (fun (pages, mapped) ->
                    match StartupCheck.socket pages mapped with
                    | None -> Expect.isTrue (mapped || pages.IsEmpty) "no error only with the socket or no pages"
                    | Some error ->
                        Expect.isFalse (mapped || pages.IsEmpty) "an error only for pages without the socket"

                        for page in pages do
                            Expect.stringContains error $"'{page}'" "names the pages"

                        Expect.stringContains error "app.MapLiveView()" "says what to call")

            testCase "route parameters are read as ASP.NET Core writes them"
            <| fun () ->
                Expect.equal
                    (RouteTemplate.parameters "/a/{slug}/{page:int?}/{id=1}/{*path}")
                    [
                        {
                            Name = "slug"
                            Optional = false
                            CatchAll = false
                        }
                        {
                            Name = "page"
                            Optional = true
                            CatchAll = false
                        }
                        {
                            Name = "id"
                            Optional = true
                            CatchAll = false
                        }
                        {
                            Name = "path"
                            Optional = true
                            CatchAll = true
                        }
                    ]
                    "names, optional, catch-all"
        ]
