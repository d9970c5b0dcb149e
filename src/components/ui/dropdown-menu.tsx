"use client";

import type * as MenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Slot } from "@radix-ui/react-slot";
import { Check } from "lucide-react";
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  type ComponentPropsWithoutRef,
  type ElementRef,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { cn } from "@/lib/cn";
import {
  onDemandModule,
  useOnDemandPrimitive,
  useOnDemandTriggerRef,
  type OnDemandPrimitive,
} from "./use-on-demand-primitive";

/*
 * Radix's dropdown menu, with its code (and floating-ui's) loaded on demand: a menu's trigger is
 * on screen when a page opens, its menu is not. Until someone points at, focuses or presses a
 * trigger it is a plain element that looks the same (aria-haspopup, data-state="closed"); then
 * Radix's menu replaces it, open at once when it was pressed, with the focus where it was.
 */

type Radix = typeof MenuPrimitive;

const radixMenu = onDemandModule<Radix>(() => import("@radix-ui/react-dropdown-menu"));

type MenuState = OnDemandPrimitive<Radix>;

const MenuContext = createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const menu = useContext(MenuContext);
  if (!menu) throw new Error("DropdownMenu parts must be inside a DropdownMenu");
  return menu;
}

/** The loaded Radix module, inside a menu's content (rendered only once it has loaded). */
function useRadix(): Radix {
  const { module } = useMenu();
  if (!module) throw new Error("DropdownMenu content rendered before the menu loaded");
  return module;
}

export function DropdownMenu({
  children,
  defaultOpen,
  ...props
}: ComponentPropsWithoutRef<Radix["Root"]> & { children?: ReactNode }) {
  const menu = useOnDemandPrimitive(radixMenu, { openAtFirst: defaultOpen === true });
  const { engage } = menu;
  useEffect(() => {
    if (defaultOpen) engage(true);
  }, [defaultOpen, engage]);

  if (!menu.module) return <MenuContext.Provider value={menu}>{children}</MenuContext.Provider>;
  const Root = menu.module.Root;
  return (
    <MenuContext.Provider value={menu}>
      <Root defaultOpen={menu.openOnLoad || defaultOpen} {...props}>
        {children}
      </Root>
    </MenuContext.Provider>
  );
}

export const DropdownMenuTrigger = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<Radix["Trigger"]>
>(function DropdownMenuTrigger(
  { asChild, onPointerEnter, onFocus, onPointerDown, onClick, onKeyDown, ...props },
  ref,
) {
  const menu = useMenu();
  const setRef = useOnDemandTriggerRef(menu, ref);
  const { module: radix, engage } = menu;

  if (radix) {
    const Trigger = radix.Trigger;
    return (
      <Trigger
        ref={setRef}
        asChild={asChild}
        onPointerEnter={onPointerEnter}
        onFocus={onFocus}
        onPointerDown={onPointerDown}
        onClick={onClick}
        onKeyDown={onKeyDown}
        {...props}
      />
    );
  }
  const Element = asChild ? Slot : "button";
  return (
    <Element
      ref={setRef}
      type={asChild ? undefined : "button"}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...props}
      onPointerEnter={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerEnter?.(event);
        // Not on touch: the swap could land between the finger's down and up.
        if (event.pointerType === "mouse") engage(false);
      }}
      onFocus={(event: FocusEvent<HTMLButtonElement>) => {
        onFocus?.(event);
        engage(false);
      }}
      // From the press, not the click: Radix's trigger may replace this one before the release.
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerDown?.(event);
        if (event.button === 0 && !event.defaultPrevented) engage(true);
      }}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) engage(true);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event);
        if (event.key === "ArrowDown" && !event.defaultPrevented) {
          event.preventDefault();
          engage(true);
        }
      }}
    />
  );
});

export function DropdownMenuGroup(props: ComponentPropsWithoutRef<Radix["Group"]>) {
  const { Group } = useRadix();
  return <Group {...props} />;
}

export function DropdownMenuRadioGroup(props: ComponentPropsWithoutRef<Radix["RadioGroup"]>) {
  const { RadioGroup } = useRadix();
  return <RadioGroup {...props} />;
}

const itemClasses = cn(
  "relative flex min-h-11 cursor-pointer select-none items-center gap-2.5 rounded-lg px-3 text-sm outline-none sm:min-h-9",
  "data-[disabled]:pointer-events-none data-[disabled]:opacity-50",
  "[&_svg]:size-4 [&_svg]:shrink-0",
);

const toneClasses = {
  default: "text-ink data-[highlighted]:bg-surface-raised [&>svg]:text-ink-muted",
  danger: "text-danger data-[highlighted]:bg-danger-soft [&>svg]:text-danger",
} as const;

/** Renders nothing until the menu has loaded (it is closed until then). */
export const DropdownMenuContent = forwardRef<
  ElementRef<Radix["Content"]>,
  ComponentPropsWithoutRef<Radix["Content"]>
>(function DropdownMenuContent({ className, sideOffset = 8, ...props }, ref) {
  const { module: radix } = useMenu();
  if (!radix) return null;
  const { Portal, Content } = radix;
  return (
    <Portal>
      <Content
        ref={ref}
        sideOffset={sideOffset}
        className={cn(
          "border-line bg-surface shadow-pop z-50 min-w-56 rounded-2xl border p-1.5",
          "data-[state=open]:animate-pop-in data-[state=closed]:animate-fade-out",
          className,
        )}
        {...props}
      />
    </Portal>
  );
});

export const DropdownMenuItem = forwardRef<
  ElementRef<Radix["Item"]>,
  ComponentPropsWithoutRef<Radix["Item"]> & { tone?: "default" | "danger" }
>(function DropdownMenuItem({ className, tone = "default", ...props }, ref) {
  const { Item } = useRadix();
  return <Item ref={ref} className={cn(itemClasses, toneClasses[tone], className)} {...props} />;
});

export const DropdownMenuRadioItem = forwardRef<
  ElementRef<Radix["RadioItem"]>,
  ComponentPropsWithoutRef<Radix["RadioItem"]>
>(function DropdownMenuRadioItem({ className, children, ...props }, ref) {
  const { RadioItem, ItemIndicator } = useRadix();
  return (
    <RadioItem
      ref={ref}
      className={cn(itemClasses, toneClasses.default, "pr-9", className)}
      {...props}
    >
      {children}
      <ItemIndicator className="absolute right-3 inline-flex">
        <Check aria-hidden="true" className="text-primary" />
      </ItemIndicator>
    </RadioItem>
  );
});

export function DropdownMenuLabel({
  className,
  ...props
}: ComponentPropsWithoutRef<Radix["Label"]>) {
  const { Label } = useRadix();
  return (
    <Label
      className={cn(
        "text-ink-subtle px-3 pt-2 pb-1 text-xs font-semibold tracking-wide uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({
  className,
  ...props
}: ComponentPropsWithoutRef<Radix["Separator"]>) {
  const { Separator } = useRadix();
  return <Separator className={cn("bg-line my-1.5 h-px", className)} {...props} />;
}
