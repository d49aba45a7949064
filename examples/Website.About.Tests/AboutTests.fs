/// The Website's about page (F#), as the site serves it (`Site.About`: the site's texts), through the F# pipeline.
module Website.About.Tests.AboutTests

open System.Globalization
open Expecto
open FsCheck.FSharp
open LiveView.Testing
open Website
open Website.About

/// The about page at `/about` in `culture`.
let private openIn (culture: string) =
    LiveTest.mountWith (LiveTestOptions(Url = "/about", Culture = CultureInfo.GetCultureInfo culture)) Site.About

let private openAbout () = openIn "en"

[<Tests>]
let tests =
    testList
        "About"
        [
            testCase "the page says what it is and that nobody has waved yet"
            <| fun () ->
                let page = openAbout ()
                Expect.equal (page |> LiveTest.title) "About" "the title"
                Expect.equal (page |> LiveTest.text "h1") "About" "the heading"

                Expect.equal
                    (page |> LiveTest.text "#main p")
                    "This page is written in F#. The rest of the site is C#; both run on the same host."
                    "the text"

                Expect.equal
                    (page.Attribute("meta[name=description]", "content"))
                    "About the LiveView for .NET example site."
                    "the description"

                Expect.equal (page |> LiveTest.text "#waves") "0" "no wave"

            testCase "each click on the hand waves once more"
            <| fun () ->
                let page =
                    openAbout ()
                    |> LiveTest.click "#wave"
                    |> LiveTest.click "#wave"
                    |> LiveTest.click "#wave"

                Expect.equal (page |> LiveTest.text "#waves") "3" "three waves shown"
                Expect.equal (page |> LiveTest.state<AboutPage.State>) { Waves = 3 } "three in the state"

            testCase "in Spanish"
            <| fun () ->
                let page = openIn "es" |> LiveTest.click "#wave"
                Expect.equal (page |> LiveTest.title) "Acerca de" "the title"
                Expect.equal (page |> LiveTest.text "h1") "Acerca de" "the heading"

                Expect.stringStarts (page |> LiveTest.text "#main p") "Esta página está escrita en F#." "the text"

                Expect.equal (page |> LiveTest.text "#waves") "1" "a wave is a wave"

            testProperty "whatever a visitor does, the page shows how many times they clicked the hand"
            <| fun () ->
                Prop.forAll (Journey.arbitrary 20) (fun journey ->
                    let page = openAbout () |> Journey.run journey

                    let waves =
                        journey.Steps
                        |> Seq.filter (fun step -> step.Kind = UserStepKind.Click && step.Selector = "#wave")
                        |> Seq.length

                    page |> LiveTest.text "#waves" = string waves
                    && (page |> LiveTest.state<AboutPage.State>).Waves = waves)

            testCase "every binding names a handler of the page"
            <| fun () -> LiveTest.checkWiring openAbout
        ]
