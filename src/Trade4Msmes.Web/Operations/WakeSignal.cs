namespace Trade4Msmes.Web.Operations;

// Lets a background loop sleep until its next poll, or until a request has just given it work.
public sealed class WakeSignal : IDisposable
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken twice at the same moment.
            }
        }
    }

    // Waits for a wake-up or the poll interval; false once the app is stopping.
    public async Task<bool> WaitAsync(TimeSpan poll, CancellationToken stopping)
    {
        try
        {
            await signal.WaitAsync(poll, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => signal.Dispose();
}
