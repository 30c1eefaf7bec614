// The search box of a list page: `/` focuses it (UI.md), and what is typed becomes the query after a
// 300 ms pause, so each keystroke does not fetch a page.
import { SearchOutlined } from "@ant-design/icons";
import { Input, type InputRef } from "antd";
import { type RefObject, useEffect, useRef, useState } from "react";
import { useSlashFocus } from "./use-slash-focus.ts";

export type ListSearch = {
  ref: RefObject<InputRef | null>;
  /** What is in the box now. */
  text: string;
  setText: (text: string) => void;
  /** The trimmed text once typing pauses: what the query uses. */
  value: string;
  /** Both at once, without waiting: clearing the filters, applying a saved view. */
  set: (value: string) => void;
};

export function useListSearch(initial: string): ListSearch {
  const ref = useRef<InputRef>(null);
  useSlashFocus(ref);
  const [text, setText] = useState(initial);
  const [value, setValue] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setValue(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const set = (next: string) => {
    setText(next);
    setValue(next);
  };
  return { ref, text, setText, value, set };
}

export function ListSearchInput(props: {
  search: ListSearch;
  placeholder: string;
  ariaLabel?: string;
  width: number;
  testId: string;
}) {
  return (
    <Input
      ref={props.search.ref}
      allowClear
      prefix={<SearchOutlined />}
      placeholder={props.placeholder}
      aria-label={props.ariaLabel ?? props.placeholder}
      value={props.search.text}
      onChange={(e) => props.search.setText(e.target.value)}
      style={{ width: props.width }}
      data-testid={props.testId}
    />
  );
}
