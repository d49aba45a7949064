module LiveView.Core.Tests.FormTests

open Expecto
open FsCheck
open FsCheck.FSharp
open LiveView
open LiveView.Core.Tests.Support

let private genFields =
    Gen.listOf (Gen.zip genAnyString (Gen.listOf genAnyString))
    |> Gen.map (fun fields -> fields |> List.distinctBy fst |> Map.ofList)

// Protects how handlers read a form: whatever map the host decoded, every accessor gives it back as it was.
[<Tests>]
let tests =
    testList
        "Form values"
        [
            testProperty "any form map reads back through every accessor"
            <| Prop.forAll (Arb.fromGen genFields) (fun fields ->
                let action =
                    fields
                    |> Map.fold
                        (fun action name values -> ClientAction.withField name values action)
                        (ClientAction.named "p->h")

                Expect.equal action.Form fields "the map itself"

                for KeyValue(name, values) in fields do
                    Expect.equal (ClientAction.fields name action) values "fields"
                    Expect.equal (ClientAction.field name action) (List.tryHead values) "field"
                    Expect.equal (List.ofSeq (action.FormValues name)) values "FormValues"
                    Expect.equal (Option.ofObj (action.FormValue name)) (List.tryHead values) "FormValue")

            testProperty "a field that was not sent reads as absent"
            <| Prop.forAll (Arb.fromGen (Gen.zip genFields genAnyString)) (fun (fields, name) ->
                let action =
                    { ClientAction.named "p->h" with
                        Form = Map.remove name fields
                    }

                Expect.equal (ClientAction.fields name action) [] "no values"
                Expect.isNull (action.FormValue name) "null for C#")
        ]
