/// The Snake example: `./build.sh run snake` serves it at http://localhost:5000.
module Snake.Program

open System
open System.Globalization
open Microsoft.AspNetCore.Builder
open Microsoft.AspNetCore.DataProtection
open Microsoft.Extensions.Configuration
open Microsoft.Extensions.DependencyInjection
open StackExchange.Redis

/// The value of `key` in `section` read by `parse`, `fallback` when it is not set; a value that does not read is a
/// startup error that names it.
let private setting (section: IConfigurationSection) key (parse: string -> bool * 'T) (fallback: 'T) =
    match section[key] with
    | null
    | "" -> fallback
    | text ->
        match parse text with
        | true, value -> value
        | _ -> invalidOp $"The setting {section.Path}:{key} = '{text}' cannot be read as a {typeof<'T>.Name}."

/// The game's settings from the `Snake` configuration section (`Snake:Width`, `Snake:Height`, `Snake:Tick` as a
/// time span such as `00:00:00.1`), the standard ones where it says nothing.
let private settingsFrom (configuration: IConfiguration) : Settings =
    let section = configuration.GetSection "Snake"

    let integer (text: string) =
        Int32.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)

    let span (text: string) =
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture)

    {
        Width = setting section "Width" integer Settings.standard.Width
        Height = setting section "Height" integer Settings.standard.Height
        Tick = setting section "Tick" span Settings.standard.Tick
    }

[<EntryPoint>]
let main args =
    let builder = WebApplication.CreateBuilder(args)
    let game = GamePage.create (settingsFrom builder.Configuration)
    let liveView = builder.Services.AddLiveView().AddPage(game).AddPage(WatchPage.page)

    // On many nodes (docs/scaling.md): watchers reach games on any node through Redis, and every node reads the
    // pages' state snapshots with one key ring.
    match builder.Configuration.GetConnectionString "Redis" with
    | null
    | "" -> ()
    | redis ->
        liveView.AddRedis redis |> ignore
        let keys = lazy (ConnectionMultiplexer.Connect redis)

        builder.Services
            .AddDataProtection()
            .SetApplicationName("Snake")
            .PersistKeysToStackExchangeRedis(
                (fun () -> keys.Value.GetDatabase()),
                RedisKey "snake:data-protection-keys"
            )
        |> ignore

    let app = builder.Build()
    app.MapLiveView() |> ignore
    app.MapLivePage("/", game, Layout.page) |> ignore
    app.MapLivePage("/watch/{game}", WatchPage.page, Layout.page) |> ignore
    app.Run()
    0
