using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LiveView.AspNetCore.Tests;

/// <summary>The decoder is total, and what a client encodes comes back unchanged.</summary>
public sealed class ActionDecoderProperties
{
    [Property(MaxTest = 500)]
    public bool Any_bytes_give_an_action_or_an_error_never_an_exception(byte[] bytes)
    {
        var decoded = ActionDecoder.TryDecode(bytes, out var action, out var error);
        return decoded ? action is not null && error is null : action is null && error is not null;
    }

    [Property(MaxTest = 500)]
    public bool Any_string_gives_an_action_or_an_error_never_an_exception(string text)
    {
        var decoded = ActionDecoder.TryDecode(Encoding.UTF8.GetBytes(text ?? ""), out var action, out var error);
        return decoded != (error is not null);
    }

    [Property(MaxTest = 300)]
    public Property Any_form_and_data_round_trip(Dictionary<NonNull<string>, NonNull<string>[]> form, Dictionary<NonNull<string>, NonNull<string>> data)
    {
        var formJson = form.ToDictionary(kv => kv.Key.Get, kv => kv.Value.Select(v => v.Get).ToArray());
        var dataJson = data.Where(kv => kv.Key.Get != "lang").ToDictionary(kv => kv.Key.Get, kv => kv.Value.Get);
        var frame = JsonSerializer.SerializeToUtf8Bytes(new { action = "page->handler", data = dataJson, form = formJson });

        var decoded = ActionDecoder.TryDecode(frame, out var action, out _);

        return (decoded
                && action!.Name.Page == "page"
                && action.Name.Handler == "handler"
                && action.Form.Count == formJson.Count
                && formJson.All(kv => action.FormValues(kv.Key).SequenceEqual(kv.Value))
                && action.Data.Count == dataJson.Count
                && dataJson.All(kv => action.DataValue(kv.Key) == kv.Value))
            .ToProperty();
    }

    [Fact]
    public void Lang_moves_from_data_to_its_own_field()
    {
        Assert.True(ActionDecoder.TryDecode("""{"action":"a->b","data":{"lang":"es","x":"1"}}"""u8, out var action, out _));
        Assert.Equal("es", action!.Lang!.Value);
        Assert.Null(action.DataValue("lang"));
        Assert.Equal("1", action.DataValue("x"));
    }
}
