module LiveView.Core.Tests.LayoutTests

open Expecto
open LiveView
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView.Core.Tests.Support

/// Any text a title or a view can hold (HTML-encoding keeps no lone surrogate).
let private genText = genAnyString |> Gen.filter (fun s -> not (hasLoneSurrogate s))

// Protects the client script tag every layout puts at the end of <body>.
[<Tests>]
let tests =
    testList
        "Layout"
        [
            testCase "clientScript loads the client deferred and names the socket path"
            <| fun () ->
                Expect.equal
                    (render (Layout.clientScript Protocol.ClientScriptPath Protocol.DefaultSocketPath []))
                    "<script src=\"/_liveview/liveview.js\" defer data-socket=\"/ws/liveview/\"></script>"
                    "the script tag"

            testCase "clientScript encodes its values"
            <| fun () ->
                Expect.equal
                    (render (Layout.clientScript "/a\"b.js" "/ws?a=1&b=2" [ "page", "a<b" ]))
                    "<script src=\"/a&quot;b.js\" defer data-socket=\"/ws?a=1&amp;b=2\" data-page=\"a&lt;b\"></script>"
                    "encoded attribute values"

            testProperty "the standard layout holds everything the client uses, in the page's language and title"
            <| Prop.forAll (Arb.fromGen (Gen.zip genText genText)) (fun (title, text) ->
                let context =
                    {
                        Page = "home"
                        Title = title
                        Meta = [ "description", "d" ]
                        Lang = "es"
                        Content = p [ _id "content" ] [ str text ]
                        ClientScript = Layout.clientScript "/c.js" "/ws/" []
                    }

                let html = render (Layout.standard context)

                for part in
                    [
                        "<html lang=\"es\">"
                        "<meta charset=\"utf-8\">"
                        "<meta name=\"viewport\""
                        "<meta name=\"description\" content=\"d\">"
                        "<section id=\"loading\" hidden>"
                        "<section id=\"notifications\""
                        "<section id=\"no_connection\""
                        "<main id=\"main\"><p id=\"content\">"
                        "<script src=\"/c.js\" defer data-socket=\"/ws/\"></script></body>"
                    ] do
                    Expect.stringContains html part "the element"

                Expect.equal (Navigation.titleOf (Layout.standard context)) (Some title) "the page's own title")
        ]
