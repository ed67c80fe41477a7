using Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>One file per generated type.</summary>
internal static class TypeEmitter
{
    public static string Emit(TypeModel type, string root, string visibility)
    {
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + type.Namespace);
        w.Line("{");
        w.Indent();
        switch (type.Kind)
        {
            case TypeModelKind.Record:
                RecordEmitter.Emit(w, type, root, visibility);
                break;
            case TypeModelKind.DiscriminatedUnion:
                DiscriminatedUnionEmitter.Emit(w, type, visibility);
                break;
            case TypeModelKind.UnionCase:
                DiscriminatedUnionEmitter.EmitCase(w, type, visibility);
                break;
            case TypeModelKind.Union:
                UnionStructEmitter.Emit(w, type, root, visibility);
                break;
            case TypeModelKind.Enum:
                EnumStructEmitter.Emit(w, type, visibility);
                break;
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    public static void GeneratedCode(SourceWriter w)
        => w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");

    /// <summary>What precedes a schema's type declaration: its upstream description, <c>[Obsolete]</c> when deprecated upstream, <c>[GeneratedCode]</c>.</summary>
    public static void Header(SourceWriter w, TypeModel type)
    {
        DocComments.Element(w, "summary", DocComments.Lines(type.Description));
        if (type.Deprecated)
        {
            w.Line(Obsolete);
        }

        GeneratedCode(w);
    }

    /// <summary>Generated code may use what it marks obsolete: every generated file disables CS0612/CS0618 (<see cref="SourceWriter.FileHeader"/>).</summary>
    public const string Obsolete = "[global::System.Obsolete]";
}
