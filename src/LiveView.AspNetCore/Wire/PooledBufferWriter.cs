using System.Buffers;

namespace LiveView.AspNetCore;

/// <summary>
/// A growable byte buffer whose memory is rented from the shared pool only while it is in use: an idle connection
/// that owns one holds no array at all.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private const int MinimumSize = 256;
    private byte[] array = [];

    public int WrittenCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => array.AsMemory(0, WrittenCount);

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsSpan(WrittenCount);
    }

    /// <summary>Forgets what was written and gives the memory back to the pool.</summary>
    public void Release()
    {
        WrittenCount = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed <= array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumSize, array.Length * 2)));
        array.AsSpan(0, WrittenCount).CopyTo(bigger);
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        array = bigger;
    }
}
