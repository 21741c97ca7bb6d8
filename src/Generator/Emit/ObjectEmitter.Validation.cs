using Emr.Codegen.Spec;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// The validation data of a generated object. The object carries its spec fragment as data; the shared base class
    /// (<c>ApiObject&lt;T&gt;</c>) hands the fragment and its members' values, read through the member table, to the rule
    /// engine (emitted once per compilation), the same engine the analyzers run.
    /// </summary>
    internal static partial class ObjectEmitter
    {
        /// <summary>The constant that holds the type's spec fragment; the metadata attribute names it too.</summary>
        public const string FragmentConstant = "EmrSpecFragment";

        private static void EmitValidation(CodeWriter w, ObjectFileModel file)
        {
            w.Line();
            w.Line("/// <summary>The spec's members, enumerations and rules of this type, read by the analyzers and by <see cref=\"" + Types.Runtime + "ApiObject{T}.Validate\"/>.</summary>");
            w.Line("internal const string " + FragmentConstant + " = " + CSharpNames.StringLiteral(file.AnalysisFragment) + ";");
        }
    }
}
