"""Model modules, the lazy ``swagger_client.models`` package and one doc page per model."""

from __future__ import annotations

from string import Template
from typing import Dict, List, Set

from codegen.pyfmt import annotation, docstring, header, imports_for, literal
from codegen.spec import Prop, Schema, Spec, alias_constant_name, constant_name

_TEMPLATES: Dict[str, Template] = {}


def template(name: str) -> Template:
    from pathlib import Path

    if name not in _TEMPLATES:
        _TEMPLATES[name] = Template((Path(__file__).parent / "templates" / name).read_text(encoding="utf-8"))
    return _TEMPLATES[name]


def render_model(spec: Spec, schema: Schema) -> str:
    if schema.enum is not None:
        return render_enum(schema)
    if schema.one_of:
        return render_one_of(spec, schema)
    referenced: Set[str] = set()
    typing_names: Set[str] = set()
    lines: List[str] = []
    for p in schema.props:
        ann = annotation(spec, p.type, referenced, typing_names)
        typing_names.add("Optional")
        args = [literal(p.wire), literal(p.type)]
        if p.doc:
            args.append(literal(p.doc))
        if p.secret:
            args.append("secret=True")
        lines.append("    %s: Optional[%s] = _field(%s)" % (p.name, ann, ", ".join(args)))
    aliased = [p for p in schema.props if p.alias]
    for p in aliased:
        ann = annotation(spec, p.type, referenced, typing_names)
        lines.append("    %s: Optional[%s] = _alias(%s)" % (p.alias, ann, literal(p.name)))
    referenced.discard(schema.name)
    if schema.parent:
        base_import = "from swagger_client.models.%s import %s" % (spec.schemas[schema.parent].module, schema.parent)
        base = schema.parent
        model_base_names = ["field as _field"] if schema.props else []
    else:
        base_import = ""
        base = "Model"
        model_base_names = ["Model", "field as _field"] if schema.props else ["Model"]
    if aliased:
        model_base_names.insert(0, "alias as _alias")
    inherited = [p.name for s in spec.chain(schema)[:-1] for p in s.props]
    doc = schema.doc or schema.name
    if inherited:
        doc += "\n\nInherited from %s: %s." % (
            schema.parent,
            ", ".join("``%s``" % n for n in inherited),
        )
    lines += _typed_init(spec, schema, referenced, typing_names)
    referenced.discard(schema.name)
    body = "\n".join(lines) if lines else "    pass"
    return template("model.py.tmpl").substitute(
        header=header(),
        summary=docstring("%s model." % schema.name, 0),
        imports=imports_for(typing_names, referenced, spec, base_import, model_base_names),
        name=schema.name,
        base=base,
        doc=docstring(doc, 4),
        body=body,
    )


def positional(spec: Spec, schema: Schema) -> List[Prop]:
    """The constructor's positional order, as model_base computes it at run time: the
    model's own properties first (swagger-codegen's constructors had only those), then
    the inherited ones in their parent's order."""
    own = list(schema.props)
    if not schema.parent:
        return own
    names = {p.name for p in own}
    return own + [p for p in positional(spec, spec.schemas[schema.parent]) if p.name not in names]


def _typed_init(spec: Spec, schema: Schema, referenced: Set[str], typing_names: Set[str]) -> List[str]:
    """The real constructor signature, for type checkers and IDEs only (run time uses the
    base class's, which takes the same arguments): a misspelt keyword or a value of the
    wrong type is an error in the caller's code."""
    props = positional(spec, schema)
    if not props:
        return []
    typing_names.update({"TYPE_CHECKING", "Any", "Optional"})
    params = ["self"]
    for p in props:
        params.append("%s: Optional[%s] = None" % (p.name, annotation(spec, p.type, referenced, typing_names)))
    aliases = [p for p in props if p.alias]
    params.append("*")
    for p in aliases:
        params.append("%s: Optional[%s] = None" % (p.alias, annotation(spec, p.type, referenced, typing_names)))
    params.append("_configuration: Any = None")
    return [
        "",
        "    if TYPE_CHECKING:",
        "",
        "        def __init__(",
        *("            %s," % p for p in params),
        "        ) -> None: ...",
    ]


def render_one_of(spec: Spec, schema: Schema) -> str:
    """A ``oneOf`` schema: not a class of its own values, but the rule that picks one."""
    assert schema.one_of is not None
    discriminator = "None"
    if schema.discriminator:
        prop, mapping = schema.discriminator
        discriminator = "(%s, {%s})" % (
            literal(prop),
            ", ".join("%s: %s" % (literal(k), literal(v)) for k, v in sorted(mapping.items())),
        )
    return "\n".join(
        [
            header(),
            docstring("%s: one of %s." % (schema.name, ", ".join(schema.one_of)), 0),
            "",
            "from swagger_client.model_base import OneOf",
            "",
            "",
            "class %s(OneOf):" % schema.name,
            "    %s" % docstring(schema.doc or "One of %s." % ", ".join(schema.one_of), 4),
            "",
            "    choices = (%s)" % "".join("%s, " % literal(c) for c in schema.one_of).rstrip(" "),
            "    discriminator = %s" % discriminator,
            "",
        ]
    )


def render_enum(schema: Schema) -> str:
    assert schema.enum is not None
    constants = []
    names = [constant_name(v) for v in schema.enum]
    if len(set(names)) != len(names):
        raise ValueError("%s: two enum values have the same constant name" % schema.name)
    for value, name in zip(schema.enum, names):
        constants.append("    %s = %s" % (name, literal(value)))
        if value in schema.enum_docs:
            constants.append("    %s" % docstring(schema.enum_docs[value], 4))
    aliases = [
        "    %s = %s" % (alias_constant_name(v), n)
        for v, n in zip(schema.enum, names)
        if alias_constant_name(v) != n and alias_constant_name(v) not in names
    ]
    if aliases:
        constants.append("")
        constants.append("    # The underscored names of earlier releases of this client, kept as aliases.")
        constants.extend(aliases)
    return template("enum.py.tmpl").substitute(
        header=header(),
        summary=docstring("%s enum." % schema.name, 0),
        name=schema.name,
        doc=docstring(schema.doc or schema.name, 4),
        constants="\n".join(constants),
        allowed=", ".join(constant_name(v) for v in schema.enum) + ("," if len(schema.enum) == 1 else ""),
    )


def render_models_init(spec: Spec) -> str:
    names = sorted(spec.schemas)
    return template("models_init.py.tmpl").substitute(
        header=header(),
        modules="\n".join("    %s: %s," % (literal(n), literal(spec.schemas[n].module)) for n in names),
        all_names="\n".join("    %s," % literal(n) for n in names),
        type_imports="\n".join(reexport(spec.schemas[n].module, n) for n in names),
    )


def reexport(module: str, name: str) -> str:
    """``from ... import X as X`` under TYPE_CHECKING, wrapped the way isort wraps it."""
    line = "    from swagger_client.models.%s import %s as %s" % (module, name, name)
    if len(line) <= 120:
        return line
    return "    from swagger_client.models.%s import (\n        %s as %s,\n    )" % (module, name, name)


def doc_type(spec: Spec, type_name: str) -> str:
    """A type as the seed's docs write it, linked when it is a model."""
    if type_name.startswith("list["):
        inner = type_name[5:-1]
        if inner in spec.schemas:
            return "[**list[%s]**](%s.md)" % (inner, inner)
        return "**%s**" % type_name
    if type_name in spec.schemas:
        return "[**%s**](%s.md)" % (type_name, type_name)
    return "**%s**" % type_name


def table_text(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_model_doc(spec: Spec, schema: Schema) -> str:
    out = ["# %s" % schema.name, ""]
    if schema.doc:
        out += [schema.doc, ""]
    if schema.enum is not None:
        out += ["## Values", "", "Value | Constant | Description", "------------- | ------------- | -------------"]
        for value in schema.enum:
            out.append(
                "`%s` | `%s.%s` | %s"
                % (value, schema.name, constant_name(value), table_text(schema.enum_docs.get(value, "")))
            )
        out += [
            "",
            "Values travel as plain strings. A value this list does not name (sent by a newer server) "
            "is kept as it is.",
        ]
    elif schema.one_of:
        out += ["One of: " + ", ".join("[%s](%s.md)" % (c, c) for c in schema.one_of) + ".", ""]
        if schema.discriminator:
            prop, mapping = schema.discriminator
            out += ["Chosen by `%s`: %s." % (prop, ", ".join("`%s` → %s" % (k, v) for k, v in sorted(mapping.items())))]
    else:
        chain = spec.chain(schema)
        if len(chain) > 1:
            out += ["Inherits from: " + " → ".join("[%s](%s.md)" % (s.name, s.name) for s in reversed(chain[:-1])), ""]
        out += [
            "## Properties",
            "",
            "Name | Type | Description | Notes",
            "------------ | ------------- | ------------- | -------------",
        ]
        for s in chain:
            for p in s.props:
                notes = ["[optional]"]
                if s is not schema:
                    notes.append("inherited from %s" % s.name)
                if p.wire != p.name:
                    notes.append("JSON `%s`" % p.wire)
                if p.secret:
                    notes.append("secret: masked in repr")
                out.append(
                    "**%s** | %s | %s | %s" % (p.name, doc_type(spec, p.type), table_text(p.doc), ", ".join(notes))
                )
    out += [
        "",
        "[[Back to Model list]](../README.md#documentation-for-models) "
        "[[Back to API list]](../README.md#documentation-for-api-endpoints) "
        "[[Back to README]](../README.md)",
        "",
    ]
    return "\n".join(out)


def render_model_list(spec: Spec, folder: str = "docs/") -> str:
    return "\n".join(" - [%s](%s%s.md)" % (n, folder, n) for n in sorted(spec.schemas))
