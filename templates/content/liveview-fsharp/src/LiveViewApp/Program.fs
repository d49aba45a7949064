module LiveViewApp.Program

open Microsoft.AspNetCore.Builder
open Microsoft.Extensions.DependencyInjection
open LiveViewApp.Pages

[<EntryPoint>]
let main args =
    let builder = WebApplication.CreateBuilder(args)
    builder.Services.AddLiveView().AddPage(Home.page) |> ignore

    let app = builder.Build()
    app.MapLiveView() |> ignore
    app.MapLivePage("/", Home.page) |> ignore // in the standard layout: docs/layouts.md
    app.Run()
    0
