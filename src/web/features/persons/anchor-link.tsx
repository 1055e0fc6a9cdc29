import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core'
import { createLink } from '@tanstack/react-router'
import { forwardRef } from 'react'

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & React.ComponentPropsWithoutRef<'a'>>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
))

/** A Mantine link to a route of the app, typed by the router (path and params checked). */
export const AnchorLink = createLink(MantineAnchor)

const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & React.ComponentPropsWithoutRef<'a'>>(
  (props, ref) => <Button component="a" ref={ref} {...props} />,
)

/** A button-looking link to a route of the app (an action that opens a page), typed by the router. */
export const ButtonLink = createLink(MantineButtonAnchor)
