import { cloneElement, isValidElement } from "react";
import { cn } from "@/lib/cn";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-400",
  ghost: "text-stone-700 hover:bg-stone-200/60",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

const sizes = { md: "h-11 px-4 text-sm", lg: "h-14 px-6 text-base", sm: "h-9 px-3 text-sm" } as const;

export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  asChild?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
};

export function Button({ className, variant = "primary", size = "md", asChild, children, ...props }: ButtonProps) {
  const classes = cn("inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed", variants[variant], sizes[size], className);
  // `asChild` dresses its one child (a link) as a button. By hand rather than Radix's Slot:
  // Button is on every page's first load, and the child's own props win as they did with Slot.
  if (asChild && isValidElement<{ className?: string }>(children)) {
    return cloneElement(children, { ...props, ...children.props, className: cn(classes, children.props.className) });
  }
  return (
    <button className={classes} {...props}>
      {children}
    </button>
  );
}
