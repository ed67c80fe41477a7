namespace Foundry.Generated.Spec.Reading;

/// <summary>A 1-based line and column in an upstream file (a YAML file's own lines for YAML inputs).</summary>
public readonly struct SourcePosition
{
    public SourcePosition(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => Line + ":" + Column;
}
