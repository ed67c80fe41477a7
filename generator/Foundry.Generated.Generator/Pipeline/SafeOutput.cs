using System;
using System.Text.RegularExpressions;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>
/// Adds one generated file. An exception from an emitter becomes FDRY108 for that file instead of escaping the
/// generator, which would make the compiler drop every generated file (CS8785).
/// </summary>
internal static class SafeOutput
{
    // Every emitter and template declares top-level types at one indent inside the namespace block; nested types
    // and members keep 'public' (they are no more visible than their internal container).
    private static readonly Regex TopLevelPublic = new Regex(
        "^    public (?=(?:(?:sealed|abstract|static|readonly|partial) )*(?:record|class|struct|interface|enum|delegate) )",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Adds the file; with <paramref name="internalTypes"/> its top-level types are declared internal.</summary>
    public static void AddSource(SourceProductionContext context, string hintName, bool internalTypes, Func<string> emit)
        => AddSource(context, hintName, internalTypes ? () => TopLevelPublic.Replace(emit(), "    internal ") : emit);

    public static void AddSource(SourceProductionContext context, string hintName, Func<string> emit)
    {
        string text;
        try
        {
            text = emit();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            context.ReportDiagnostic(Diagnostic.Create(FoundryDiagnostics.EmitFailed, Location.None, hintName, e.GetType().Name + ": " + e.Message));
            return;
        }

        context.AddSource(hintName, text);
    }
}
