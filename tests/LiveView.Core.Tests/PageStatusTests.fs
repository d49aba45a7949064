module LiveView.Core.Tests.PageStatusTests

open System
open System.Security.Claims
open Expecto
open Giraffe.ViewEngine
open LiveView
open LiveView.CSharp

let private view (n: int) = div [] [ str (string n) ]

/// The page mounted for a first paint with `start` as its state: the runtime's instance.
let private painted (page: Page<int>) (start: int) =
    let page = page |> Page.on Protocol.MountHandler (fun _ _ -> Reply.state start)
    let erased = Page.erase page

    let request =
        {
            Page = page.Name
            Url = "/"
            Params = Map.empty
            Lang = None
        }

    let env =
        {
            Now = DateTimeOffset.UnixEpoch
            Random = Random 0
        }

    let runtime, _ =
        Runtime.step
            (Page.alone erased)
            (Input.Mount(request, env))
            (Runtime.start "paint" (ClaimsPrincipal(ClaimsIdentity())) 1)

    nonNull runtime.Instance

// Protects the "not found" rule: a page's state says whether what was asked for exists, from F# and C# alike, through
// the erased page the host runs, and the mounted instance's status is the first paint's HTTP status.
[<Tests>]
let tests =
    testList
        "Page status"
        [
            testProperty "a page is found in every state unless it says otherwise"
            <| fun (n: int) -> (Page.create "p" (fun _ -> 0) view).Status n = PageStatus.Found

            testProperty "notFoundWhen and C#'s NotFoundWhen say not found exactly when the predicate holds, erased too"
            <| fun (n: int) (limit: int) ->
                let fs = Page.create "p" (fun _ -> 0) view |> Page.notFoundWhen (fun s -> s > limit)

                let cs =
                    LivePage
                        .Create("p", Func<MountContext, int>(fun _ -> 0), Func<int, XmlNode>(view))
                        .NotFoundWhen(Func<int, bool>(fun s -> s > limit))

                let expected = if n > limit then PageStatus.NotFound else PageStatus.Found

                fs.Status n = expected
                && cs.Status n = expected
                && (Page.erase fs).Status(Unchecked.nonNull (box n)) = expected

            testProperty "the mounted instance's status follows its state after the mount handler"
            <| fun (start: int) ->
                let page =
                    Page.create "post" (fun _ -> 0) view |> Page.notFoundWhen (fun s -> s < 0)

                let expected = if start < 0 then 404 else 200
                (painted page start).Status.HttpStatus = expected

            testCase "found is 200 and not found 404 over HTTP"
            <| fun () ->
                Expect.equal PageStatus.Found.HttpStatus 200 "found"
                Expect.equal PageStatus.NotFound.HttpStatus 404 "not found"
        ]
