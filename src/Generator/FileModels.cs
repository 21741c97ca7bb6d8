using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// What one generated file needs, and nothing more: a change to one object of the spec changes
    /// only that object's model, so only its file is generated again.
    /// </summary>
    internal abstract record FileModel(string Namespace)
    {
        public abstract string HintName { get; }

        /// <summary>Splits a spec into the models of its generated files.</summary>
        public static IEnumerable<FileModel> Plan(SpecModel? spec)
        {
            if (spec is null)
            {
                yield break;
            }

            string ns = spec.Namespace;
            var objectsByName = spec.Objects.ToDictionary(o => o.Name);
            var enumsByName = spec.Enums.ToDictionary(e => e.Name);
            yield return new HelpersFileModel(ns);
            yield return new RuleEngineFileModel(ns);
            yield return new ErrorCodesFileModel(ns, spec.ErrorCodes);
            yield return new MetadataFileModel(ns, spec.ServiceShortName, spec.ApiVersion, spec.Endpoints, spec.Actions);
            yield return new JsonResolverFileModel(ns, spec.Objects.Select(o => o.Name).Concat(spec.Enums.Select(e => e.Name)).ToEquatableArray());
            foreach (FileModel client in ClientFileModel.PlanClient(spec))
            {
                yield return client;
            }

            foreach (EnumModel item in spec.Enums)
            {
                yield return new EnumFileModel(ns, item);
            }

            foreach (ObjectModel item in spec.Objects)
            {
                var enumKinds = item.Members
                    .Where(m => m.Enum != null && enumsByName.ContainsKey(m.Enum))
                    .Select(m => enumsByName[m.Enum!])
                    .Distinct()
                    .ToEquatableArray();
                yield return new ObjectFileModel(ns, item, enumKinds, SpecWriter.WriteAnalysisFragment(spec, item));
            }
        }
    }

    internal sealed record HelpersFileModel(string Namespace) : FileModel(Namespace)
    {
        public override string HintName => Namespace + ".ApiHelpers.g.cs";
    }

    internal sealed record RuleEngineFileModel(string Namespace) : FileModel(Namespace)
    {
        public override string HintName => Namespace + "." + RuleEngineEmitter.NamespaceSegment + ".g.cs";
    }

    internal sealed record ErrorCodesFileModel(string Namespace, EquatableArray<ErrorCodeModel> ErrorCodes) : FileModel(Namespace)
    {
        public override string HintName => Namespace + ".ApiErrorCode.g.cs";
    }

    internal sealed record MetadataFileModel(string Namespace, string ServiceShortName, string ApiVersion, EndpointModel Endpoints, EquatableArray<ActionModel> Actions) : FileModel(Namespace)
    {
        public override string HintName => Namespace + ".ApiMetadata.g.cs";
    }

    internal sealed record JsonResolverFileModel(string Namespace, EquatableArray<string> TypeNames) : FileModel(Namespace)
    {
        public override string HintName => Namespace + ".ApiJsonResolver.g.cs";
    }

    internal sealed record EnumFileModel(string Namespace, EnumModel Enum) : FileModel(Namespace)
    {
        public override string HintName => Namespace + "." + Enum.Name + ".g.cs";
    }

    internal sealed record ObjectFileModel(string Namespace, ObjectModel Object, EquatableArray<EnumModel> Enums, string AnalysisFragment) : FileModel(Namespace)
    {
        public override string HintName => Namespace + "." + Object.Name + ".g.cs";
    }
}
