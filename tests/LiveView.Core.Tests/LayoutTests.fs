module LiveView.Core.Tests.LayoutTests

open Expecto
open LiveView
open LiveView.Core.Tests.Support

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
        ]
