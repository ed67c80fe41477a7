using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated;

/// <summary>Supplies bearer tokens and can be told a token was rejected (the pipeline then asks once more).</summary>
public interface IFoundryTokenProvider
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The proxy answered 401 to <paramref name="token"/>: forget it so the next call fetches a new one.</summary>
    void Invalidate(string token);
}
