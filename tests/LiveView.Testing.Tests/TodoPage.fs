/// A TODO list, the page the harness's tests drive: a form adds items, a box checks each one, a counter says how
/// many are left, a filter hides the done ones, and "clear done" removes them.
module LiveView.Testing.Tests.TodoPage

open Giraffe.ViewEngine
open LiveView

type Item = { Id: int; Text: string; Done: bool }

type State =
    {
        Items: Item list
        Next: int
        HideDone: bool
    }

let add =
    Handler.named "add" (fun state ctx ->
        match ctx.Form "text" with
        | null
        | "" -> Reply.ok state [ Patch.notify "Write something first." "warning" ]
        | text ->
            Reply.state
                { state with
                    Items =
                        state.Items
                        @ [
                            {
                                Id = state.Next
                                Text = text
                                Done = false
                            }
                        ]
                    Next = state.Next + 1
                })

let toggle =
    Handler.named "toggle" (fun state ctx ->
        let id = int (ctx.Data "id")

        Reply.state
            { state with
                Items =
                    state.Items
                    |> List.map (fun item ->
                        if item.Id = id then
                            { item with Done = not item.Done }
                        else
                            item)
            })

let clearDone =
    Handler.named "clear_done" (fun state _ ->
        Reply.state
            { state with
                Items = state.Items |> List.filter (fun item -> not item.Done)
            })

let hideDone =
    Handler.named "hide_done" (fun state _ ->
        Reply.state
            { state with
                HideDone = not state.HideDone
            })

let private itemView (item: Item) =
    li
        [ _id $"item-{item.Id}"; _class (if item.Done then "done" else "open") ]
        [
            input
                [
                    _type "checkbox"
                    _id $"check-{item.Id}"
                    attr "data-id" (string item.Id)
                    if item.Done then
                        _checked
                    Live.on "change" toggle
                ]
            label [ _for $"check-{item.Id}" ] [ str item.Text ]
        ]

let view (state: State) =
    let left = state.Items |> List.filter (fun item -> not item.Done) |> List.length

    section
        []
        [
            h1 [] [ str "Todo" ]
            form
                [ _id "new"; Live.on "submit" add ]
                [
                    input [ _type "text"; _name "text"; _id "text" ]
                    button [ _type "submit" ] [ str "Add" ]
                ]
            ul
                [ _id "items" ]
                [
                    for item in state.Items do
                        if not (state.HideDone && item.Done) then
                            Live.memo item itemView
                ]
            p [ _id "left" ] [ str (if left = 1 then "1 item left" else $"{left} items left") ]
            button
                [ _id "hide"; Live.on "click" hideDone ]
                [ str (if state.HideDone then "Show done" else "Hide done") ]
            button [ _id "clear"; Live.on "click" clearDone ] [ str "Clear done" ]
        ]

let page =
    Page.create
        "todo"
        (fun _ ->
            {
                Items = []
                Next = 1
                HideDone = false
            })
        view
    |> Page.withTitle (fun state -> $"Todo ({state.Items.Length})")
    |> Page.handle add
    |> Page.handle toggle
    |> Page.handle clearDone
    |> Page.handle hideDone
