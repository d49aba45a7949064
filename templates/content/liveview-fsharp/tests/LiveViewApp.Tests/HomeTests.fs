/// The home page, tested through its HTML as a person would use it: no server, no browser.
module LiveViewApp.Tests.HomeTests

open LiveView.Testing
open LiveViewApp.Pages
open Xunit

[<Fact>]
let ``the counter starts at zero`` () =
    let page = LiveTest.mount Home.page
    Assert.Equal("0", page |> LiveTest.text "#count")
    Assert.Equal("Home", page.Title)

[<Fact>]
let ``plus adds one and minus takes one away`` () =
    let page =
        LiveTest.mount Home.page
        |> LiveTest.click "button[aria-label=Increment]"
        |> LiveTest.click "button[aria-label=Increment]"
        |> LiveTest.click "button[aria-label=Decrement]"

    Assert.Equal("1", page |> LiveTest.text "#count")

[<Fact>]
let ``every binding names a handler of the page`` () =
    LiveTest.checkWiring (fun () -> LiveTest.mount Home.page)
