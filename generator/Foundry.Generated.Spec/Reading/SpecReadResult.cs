using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace Foundry.Generated.Spec.Reading;

/// <summary>The document Microsoft.OpenApi read (null when the text is not readable) and every problem found.</summary>
public sealed class SpecReadResult
{
    public SpecReadResult(string path, OpenApiDocument? document, IReadOnlyList<SpecProblem> problems)
    {
        Path = path;
        Document = document;
        Problems = problems;
    }

    /// <summary>The file the text came from, for messages.</summary>
    public string Path { get; }

    public OpenApiDocument? Document { get; }

    public IReadOnlyList<SpecProblem> Problems { get; }

    public bool HasErrors => Problems.Any(p => p.IsError);
}
