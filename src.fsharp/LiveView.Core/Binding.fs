namespace LiveView

open System
open Giraffe.ViewEngine

/// A page's handler with its name: registered once (`Page.handle`) and bound to by views (`Live.on "click" save`), so
/// that the name is written in one place and a view cannot bind a handler its page does not have.
type Handler<'S> =
    {
        /// The handler's name, the `handler` of `page->handler`.
        Name: string
        /// The fold.
        Fold: 'S -> ActionContext -> Reply<'S>
    }

/// Named handlers.
[<RequireQualifiedAccess>]
module Handler =

    /// The handler `name` folding with `fold`.
    let named (name: string) (fold: 'S -> ActionContext -> Reply<'S>) : Handler<'S> =
        {
            Name = PageNames.check "handler" name
            Fold = fold
        }

    let private names =
        System.Collections.Concurrent.ConcurrentDictionary<string, string>()

    /// The handler name of a method (C#'s `.On(Increment)`): its name in snake case, `RandomNumber` → `random_number`,
    /// `LoadHTML` → `load_html`.
    let private snake (methodName: string) =
        let name =
            methodName
            |> Seq.mapi (fun i c ->
                let before = if i > 0 then methodName[i - 1] else ' '
                let after = if i + 1 < methodName.Length then methodName[i + 1] else ' '

                if
                    Char.IsUpper c
                    && (Char.IsLower before
                        || Char.IsDigit before
                        || Char.IsUpper before && Char.IsLower after)
                then
                    $"_{Char.ToLowerInvariant c}"
                else
                    string (Char.ToLowerInvariant c))
            |> String.concat ""

        if not (ActionName.isValidPart name) then
            invalidArg
                (nameof methodName)
                $"'{methodName}' cannot name a handler: pass a named method (.On(Increment)), or give the name (.On(\"increment\", ...))."

        name

    /// The handler name of a method (C#'s `.On(Increment)`): its name in snake case, `RandomNumber` → `random_number`,
    /// `LoadHTML` → `load_html`. Views ask for it at every render: it is worked out once per method name.
    let nameOf (methodName: string) =
        match names.TryGetValue methodName with
        | true, name -> name
        | _ -> names.GetOrAdd(methodName, snake)

/// The page whose code runs on this thread (its view, a handler, its init), set by the runtime around page code:
/// bindings take its name and check its handlers.
[<AbstractClass; Sealed>]
type internal RunningPage =
    [<ThreadStatic; DefaultValue>]
    static val mutable private page: Page<obj>

    static member Current
        with get () = RunningPage.page
        and set (value: Page<obj>) = RunningPage.page <- value

/// Bindings of events to the handlers of the page whose code runs.
[<RequireQualifiedAccess>]
module Binding =

    /// A handler's name as a `data-action` writes it: Stimulus' camel case, `random_number` → `randomNumber`, when the
    /// client's snake case turns it back (as it is otherwise: `step_2`).
    let private camelCase (handler: string) =
        let parts = handler.Split '_'

        let camel =
            parts[0]
            + (parts[1..]
               |> Array.map (fun part ->
                   if part = "" then
                       ""
                   else
                       string (Char.ToUpperInvariant part[0]) + part.Substring 1)
               |> String.concat "")

        let snake =
            Text.RegularExpressions.Regex.Replace(camel, "([a-z0-9])([A-Z])", "$1_$2").ToLowerInvariant()

        if snake = handler then camel else handler

    let private camels =
        System.Collections.Concurrent.ConcurrentDictionary<string, string>()

    /// `camelCase`, worked out once per handler name (views bind at every render).
    let private camel (handler: string) =
        match camels.TryGetValue handler with
        | true, written -> written
        | _ -> camels.GetOrAdd(handler, camelCase)

    /// `{event}->{page}#{handler}` for the page whose code runs (a `data-action` holds one or more, spaced); fails
    /// when that page has no handler of that name (a handler not registered), or when no page's code runs (a view
    /// rendered outside the runtime).
    let descriptor (event: string) (handler: string) : string =
        match box RunningPage.Current with
        | null ->
            invalidOp
                $"A binding to '{handler}' was written outside a page's code: bindings name the page whose view or handler runs (render views through the runtime: Page.run, the host)."
        | _ ->
            let page = RunningPage.Current

            if not (page.Handlers.ContainsKey handler) then
                invalidOp
                    $"The page '{page.Name}' binds '{event}' to '{handler}', which is not one of its handlers: register it (Page.handle, C# .On(method))."

            $"{event}->{page.Name}#{camel handler}"

    /// `data-action="{event}->{page}#{handler}"` for the page whose code runs (see `descriptor`).
    let attribute (event: string) (handler: string) : XmlAttribute =
        attr "data-action" (descriptor event handler)
