using System;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>
/// Adds one generated file. An exception from an emitter becomes FDRY108 for that file instead of escaping the
/// generator, which would make the compiler drop every generated file (CS8785).
/// </summary>
internal static class SafeOutput
{
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
