/// The Snake example: `./build.sh run snake` serves it at http://localhost:5000.
module Snake.Program

open System
open Microsoft.AspNetCore.Builder
open Microsoft.Extensions.Configuration
open Microsoft.Extensions.DependencyInjection

/// The game's settings from the `Snake` configuration section (`Snake:Width`, `Snake:Height`, `Snake:Tick` as a
/// time span such as `00:00:00.1`), the standard ones where it says nothing.
let private settingsFrom (configuration: IConfiguration) : Settings =
    let section = configuration.GetSection "Snake"

    {
        Width = section.GetValue("Width", Settings.standard.Width)
        Height = section.GetValue("Height", Settings.standard.Height)
        Tick = section.GetValue("Tick", Settings.standard.Tick)
    }

[<EntryPoint>]
let main args =
    let builder = WebApplication.CreateBuilder(args)
    let game = GamePage.create (settingsFrom builder.Configuration)
    builder.Services.AddLiveView().AddPage(game).AddPage(WatchPage.page) |> ignore

    let app = builder.Build()
    app.MapLiveView() |> ignore
    app.MapLivePage("/", game, Layout.page) |> ignore
    app.MapLivePage("/watch/{game}", WatchPage.page, Layout.page) |> ignore
    app.Run()
    0
