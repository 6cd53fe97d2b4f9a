// These fields serve every form, so they live in components/ui now (field.tsx, form-alert.tsx).
// The drill, program, client and invite forms still import them from here, as do branches
// written before the move; new code imports from components/ui.
export { CheckboxField, SelectField, TextAreaField } from "@/components/ui/field";
export { FormAlert } from "@/components/ui/form-alert";
